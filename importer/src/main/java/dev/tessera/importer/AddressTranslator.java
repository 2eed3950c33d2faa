package dev.tessera.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code reg} entries into CPU physical addresses: each entry is read with the parent's
 * {@code #address-cells}/{@code #size-cells} and translated through the {@code ranges} of every bus above it, as
 * the kernel's of_translate_address does. A bus without {@code ranges} (I2C, SPI, MDIO …) is not memory-mapped:
 * its children have no physical address.
 */
public final class AddressTranslator {
	/** A physical range. */
	public record Range(long base, long size) {
	}

	private final List<DtDiagnostic> diagnostics;

	public AddressTranslator(List<DtDiagnostic> diagnostics) {
		this.diagnostics = diagnostics;
	}

	public static int addressCells(DtNode bus) {
		return (int) (bus == null ? 2 : bus.cell("#address-cells", 2));
	}

	public static int sizeCells(DtNode bus) {
		return (int) (bus == null ? 1 : bus.cell("#size-cells", 1));
	}

	/**
	 * The node's {@code reg} as physical ranges; empty when it has none or its bus is not memory-mapped. Inconsistent
	 * cells are reported (once per node) and give an empty list.
	 */
	public List<Range> physicalRegs(DtNode node) {
		DtProperty reg = node.property("reg");
		DtNode bus = node.parent();
		if (reg == null || bus == null) return List.of();
		int ac = addressCells(bus), sc = sizeCells(bus);
		long[] cells = reg.cells();
		if (ac < 1 || ac > 4 || sc < 0 || sc > 2) {
			diagnostics.add(DtDiagnostic.error(bus.locationOf("#address-cells"), bus.path(), "#address-cells = " + ac
					+ " and #size-cells = " + sc + " cannot describe addresses (expected 1-4 and 0-2 cells)"));
			return List.of();
		}
		if (cells == null || cells.length % (ac + sc) != 0) {
			diagnostics.add(DtDiagnostic.error(node.locationOf("reg"), node.path(), "reg has " + reg.value().length
					+ " bytes, which is not a whole number of entries of " + ac + " address + " + sc + " size cells (from "
					+ bus.path() + "'s #address-cells and #size-cells)"));
			return List.of();
		}
		if (sc == 0) return List.of(); // a bus of numbered children (CPUs, I2C, …), not memory
		List<Range> out = new ArrayList<>();
		for (int i = 0; i < cells.length; i += ac + sc) {
			long[] addr = java.util.Arrays.copyOfRange(cells, i, i + ac);
			long size = join(cells, i + ac, sc);
			Long phys = translate(node, addr);
			if (phys == null) return List.of();
			out.add(new Range(phys, size));
		}
		return out;
	}

	/** Translates an address on {@code node}'s parent bus up to the root; null when a bus is not memory-mapped. */
	public Long translate(DtNode node, long[] address) {
		long[] addr = address;
		DtNode bus = node.parent();
		while (bus != null && bus.parent() != null) {
			DtProperty ranges = bus.property("ranges");
			if (ranges == null) return null;
			DtNode up = bus.parent();
			int childAc = addressCells(bus), parentAc = addressCells(up), childSc = sizeCells(bus);
			if (ranges.empty()) {
				addr = resize(addr, parentAc);
				bus = up;
				continue;
			}
			long[] r = ranges.cells();
			int entry = childAc + parentAc + childSc;
			if (r == null || entry == 0 || r.length % entry != 0) {
				diagnostics.add(DtDiagnostic.error(bus.locationOf("ranges"), bus.path(), "ranges has " + ranges.value().length
						+ " bytes, which is not a whole number of entries of " + childAc + " child address + " + parentAc
						+ " parent address + " + childSc + " size cells"));
				return null;
			}
			Long mapped = null;
			for (int i = 0; i < r.length; i += entry) {
				long[] childBase = java.util.Arrays.copyOfRange(r, i, i + childAc);
				long parentBase = join(r, i + childAc, parentAc);
				long size = join(r, i + childAc + parentAc, childSc);
				// the high cells beyond 64 bits (e.g. PCI's space code) must match exactly
				if (!highCellsMatch(childBase, addr)) continue;
				long cb = low64(childBase), a = low64(addr);
				if (Long.compareUnsigned(a, cb) >= 0 && (childSc == 0 || Long.compareUnsigned(a - cb, size) < 0)) {
					mapped = parentBase + (a - cb);
					break;
				}
			}
			if (mapped == null) return null;
			addr = split(mapped, parentAc);
			bus = up;
		}
		return low64(addr);
	}

	private static boolean highCellsMatch(long[] a, long[] b) {
		int n = Math.max(a.length, b.length);
		for (int i = 0; i < n - 2; i++) {
			long x = i < n - a.length ? 0 : a[i - (n - a.length)];
			long y = i < n - b.length ? 0 : b[i - (n - b.length)];
			if (x != y) return false;
		}
		return true;
	}

	static long join(long[] cells, int from, int count) {
		long v = 0;
		for (int i = 0; i < count; i++) v = (v << 32) | cells[from + i];
		return v;
	}

	private static long low64(long[] cells) {
		int n = cells.length;
		return n == 0 ? 0 : n == 1 ? cells[0] : (cells[n - 2] << 32) | cells[n - 1];
	}

	private static long[] split(long v, int cells) {
		long[] out = new long[cells];
		if (cells >= 1) out[cells - 1] = v & 0xffffffffL;
		if (cells >= 2) out[cells - 2] = v >>> 32;
		return out;
	}

	private static long[] resize(long[] a, int cells) {
		return split(low64(a), cells);
	}
}
