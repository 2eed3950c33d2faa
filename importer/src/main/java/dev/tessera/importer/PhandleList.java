package dev.tessera.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a phandle-with-arguments list ({@code clocks}, {@code power-domains}, {@code resets}, {@code iommus}):
 * each entry is a provider's phandle followed by as many cells as the provider's {@code #<kind>-cells} says.
 */
public final class PhandleList {
	/** One entry: the provider node and its specifier cells. */
	public record Entry(DtNode provider, long[] cells) {
	}

	private PhandleList() {
	}

	/**
	 * The entries of {@code property}; a provider that cannot be resolved or an entry cut short is reported as
	 * {@code severity} and ends the list.
	 */
	public static List<Entry> read(DtTree tree, DtNode node, String property, String cellsName, DtDiagnostic.Severity severity,
			List<DtDiagnostic> diagnostics) {
		return read(tree, node, property, cellsName, -1, severity, diagnostics);
	}

	/** The same for a property whose binding fixes the number of cells after each phandle ({@code renesas,vsps}: one). */
	public static List<Entry> readFixed(DtTree tree, DtNode node, String property, int cells, DtDiagnostic.Severity severity,
			List<DtDiagnostic> diagnostics) {
		return read(tree, node, property, null, cells, severity, diagnostics);
	}

	private static List<Entry> read(DtTree tree, DtNode node, String property, String cellsName, int fixedCells,
			DtDiagnostic.Severity severity, List<DtDiagnostic> diagnostics) {
		DtProperty p = node.property(property);
		if (p == null) return List.of();
		long[] c = p.cells();
		List<Entry> out = new ArrayList<>();
		if (c == null) {
			report(node, property, severity, diagnostics, property + " is not a list of cells");
			return out;
		}
		int i = 0;
		while (i < c.length) {
			if (c[i] == 0) { // an empty slot (<0>): the binding's placeholder for "none"
				i++;
				continue;
			}
			DtNode provider = tree.byPhandle(c[i]);
			if (provider == null) {
				report(node, property, severity, diagnostics, property + " names phandle " + InterruptDecoder.hex(c[i])
						+ ", which is no node of this tree");
				return out;
			}
			long n = cellsName != null ? provider.cell(cellsName, -1) : fixedCells;
			if (n < 0) {
				report(node, property, severity, diagnostics, property + " refers to " + provider.path() + ", which has no " + cellsName);
				return out;
			}
			if (i + 1 + n > c.length) {
				report(node, property, severity, diagnostics, property + " ends inside an entry of " + provider.path() + " ("
						+ cellsName + " = " + n + ")");
				return out;
			}
			out.add(new Entry(provider, Arrays.copyOfRange(c, i + 1, (int) (i + 1 + n))));
			i += 1 + (int) n;
		}
		return out;
	}

	private static void report(DtNode node, String property, DtDiagnostic.Severity severity, List<DtDiagnostic> diagnostics, String msg) {
		diagnostics.add(new DtDiagnostic(severity, node.locationOf(property).file(), node.locationOf(property).line(), node.path(), msg));
	}
}
