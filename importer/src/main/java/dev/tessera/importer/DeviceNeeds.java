package dev.tessera.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The devices a device's driver needs beside it, from the links of its node: what a passed-through device must take
 * with it into the domain. Each link is a phandle property whose binding says the node uses the other (sources are
 * Linux 6.1's, Debian linux-source-6.1, Documentation/devicetree/bindings):
 * <ul>
 * <li>{@code dmas}: its DMA channels' controller (dma/dma-common.yaml); without it the driver has no DMA (R-Car's
 * sound unit, rcar_sound, takes its audio DMACs through it).</li>
 * <li>{@code phys}: its PHYs (phy/phy-bindings.txt).</li>
 * <li>{@code renesas,vsps}: the VSPs that compose the display unit's planes (display/renesas,du.yaml: "phandle to
 * the VSP and the VSP's output index"); {@code renesas,cmms}: its colour management modules (the same binding).</li>
 * <li>{@code renesas,fcp}: the FCP a VSP or FDP reads memory through (media/renesas,vsp1.yaml,
 * media/renesas,fdp1.yaml).</li>
 * </ul>
 * Clocks, power domains and resets are links too, but their providers stay with the host: the clock rules
 * ({@code device.clock-unavailable}) speak for them. IOMMUs stay with Xen.
 */
final class DeviceNeeds {
	/** A link property: its name, and the cells after each phandle (a #-cells property of the provider, or fixed). */
	record Link(String property, String cellsName, int fixedCells) {
	}

	static final List<Link> LINKS = List.of(new Link("dmas", "#dma-cells", -1), new Link("phys", "#phy-cells", -1),
			new Link("renesas,vsps", null, 1), new Link("renesas,cmms", null, 0), new Link("renesas,fcp", null, 0));

	/** One needed node and the property that says so. */
	record Need(DtNode provider, String property) {
	}

	private DeviceNeeds() {
	}

	/** The links of the node and of its sub-nodes without a compatible of their own (R-Car sound's ssi-N, src-N). */
	static List<Need> of(DtTree tree, DtNode n, List<DtDiagnostic> diagnostics) {
		List<Need> out = new ArrayList<>();
		collect(tree, n, diagnostics, out);
		return out;
	}

	private static void collect(DtTree tree, DtNode n, List<DtDiagnostic> diagnostics, List<Need> out) {
		for (Link l : LINKS) {
			List<PhandleList.Entry> entries = l.cellsName() != null
					? PhandleList.read(tree, n, l.property(), l.cellsName(), DtDiagnostic.Severity.WARNING, diagnostics)
					: PhandleList.readFixed(tree, n, l.property(), l.fixedCells(), DtDiagnostic.Severity.WARNING, diagnostics);
			for (PhandleList.Entry e : entries)
				if (out.stream().noneMatch(x -> x.provider() == e.provider())) out.add(new Need(e.provider(), l.property()));
		}
		for (DtNode c : n.children())
			if (c.compatible().isEmpty()) collect(tree, c, diagnostics, out);
	}
}
