package dev.tessera.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Decodes a node's {@code interrupts} (or {@code interrupts-extended}) per its interrupt parent's
 * {@code #interrupt-cells}: interrupts that reach the GIC become SPI/PPI numbers with their trigger; interrupts
 * that go through another controller (a GPIO block, TI's crossbar, Samsung's combiner, an interrupt-map nexus)
 * are kept as that controller's path and specifier. The parent is found as the kernel's of_irq_find_parent does.
 */
public final class InterruptDecoder {
	/** An interrupt at the GIC: PPI or SPI number (as the binding numbers them) and the IRQ_TYPE_* flags. */
	public record GicIrq(boolean ppi, int number, int flags) {
	}

	/** An interrupt of another controller. */
	public record Routed(String controller, long[] cells) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Routed r && r.controller.equals(controller) && Arrays.equals(r.cells, cells);
		}

		@Override
		public int hashCode() {
			return controller.hashCode() * 31 + Arrays.hashCode(cells);
		}
	}

	public record Decoded(List<GicIrq> gic, List<Routed> via) {
		public boolean isEmpty() {
			return gic.isEmpty() && via.isEmpty();
		}
	}

	private static final Set<String> GIC = Set.of("arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic", "arm,cortex-a7-gic",
			"arm,arm11mp-gic", "arm,arm1176jzf-devchip-gic", "arm,eb11mp-gic", "arm,pl390", "arm,tc11mp-gic", "arm,gic-v3",
			"qcom,msm-qgic2", "qcom,msm-8660-qgic", "brcm,brahma-b15-gic", "arm,gic-v2");
	/** Hierarchical controllers that hand the GIC's own specifier through unchanged (wake-up logic in front of it). */
	private static final Set<String> TRANSPARENT = Set.of("ti,omap4-wugen-mpu", "ti,omap5-wugen-mpu", "fsl,imx6q-gpc",
			"fsl,imx7d-gpc", "fsl,imx8mq-gpc", "nvidia,tegra20-ictlr", "nvidia,tegra30-ictlr", "nvidia,tegra114-ictlr",
			"nvidia,tegra124-ictlr", "nvidia,tegra210-ictlr", "mediatek,mt6577-sysirq");

	private final DtTree tree;
	private final List<DtDiagnostic> diagnostics;

	public InterruptDecoder(DtTree tree, List<DtDiagnostic> diagnostics) {
		this.tree = tree;
		this.diagnostics = diagnostics;
	}

	public static boolean isGic(DtNode n) {
		return n.compatible().stream().anyMatch(GIC::contains);
	}

	public static int gicVersion(DtNode gic) {
		return gic.isCompatible("arm,gic-v3") ? 3 : 2;
	}

	/** Decodes the node's interrupts; inconsistencies are reported and the node's interrupts left out. */
	public Decoded decode(DtNode node) {
		List<GicIrq> gic = new ArrayList<>();
		List<Routed> via = new ArrayList<>();
		DtProperty ext = node.property("interrupts-extended");
		DtProperty ints = node.property("interrupts");
		if (ext != null) {
			long[] c = ext.cells();
			if (c == null) return bad(node, "interrupts-extended", "interrupts-extended is not a list of cells");
			int i = 0;
			while (i < c.length) {
				DtNode ctl = tree.byPhandle(c[i]);
				if (ctl == null)
					return bad(node, "interrupts-extended", "interrupts-extended names phandle " + hex(c[i])
							+ ", which is no node of this tree: its interrupt parent cannot be resolved");
				int n = (int) ctl.cell("#interrupt-cells", -1);
				if (n < 0) return bad(node, "interrupts-extended", "interrupt controller " + ctl.path() + " has no #interrupt-cells");
				if (i + 1 + n > c.length)
					return bad(node, "interrupts-extended", "interrupts-extended ends inside a specifier of " + ctl.path() + " ("
							+ n + " cells each)");
				if (!route(node, ctl, Arrays.copyOfRange(c, i + 1, i + 1 + n), gic, via, 0)) return new Decoded(List.of(), List.of());
				i += 1 + n;
			}
		} else if (ints != null) {
			DtNode ctl = parentOf(node);
			if (ctl == null) return new Decoded(List.of(), List.of());
			long[] c = ints.cells();
			int n = (int) ctl.cell("#interrupt-cells", -1);
			if (n <= 0) return bad(node, "interrupts", "interrupt parent " + ctl.path() + " has #interrupt-cells = " + n);
			if (c == null || c.length % n != 0)
				return bad(node, "interrupts", "interrupts has " + ints.value().length + " bytes, which is not a whole number of "
						+ n + "-cell specifiers (#interrupt-cells of its interrupt parent " + ctl.path() + ")");
			for (int i = 0; i < c.length; i += n)
				if (!route(node, ctl, Arrays.copyOfRange(c, i, i + n), gic, via, 0)) return new Decoded(List.of(), List.of());
		}
		return new Decoded(List.copyOf(gic), List.copyOf(via));
	}

	/** The interrupt parent, as of_irq_find_parent finds it; null (reported) when it cannot be resolved. */
	DtNode parentOf(DtNode node) {
		DtNode child = node;
		int guard = 0;
		do {
			DtProperty ip = child.property("interrupt-parent");
			DtNode p;
			if (ip != null) {
				long[] c = ip.cells();
				p = c == null || c.length != 1 ? null : tree.byPhandle(c[0]);
				if (p == null) {
					bad(node, child == node ? "interrupt-parent" : null, "interrupt-parent "
							+ (c == null || c.length != 1 ? "is not one phandle" : "names phandle " + hex(c[0]) + ", which is no node of this tree")
							+ (child == node ? "" : " (inherited from " + child.path() + ")") + ": the interrupt parent cannot be resolved");
					return null;
				}
			} else {
				p = child.parent();
			}
			child = p;
		} while (child != null && !child.has("#interrupt-cells") && ++guard < 256);
		if (child == null) bad(node, "interrupts", "no interrupt parent: neither the node nor its ancestors name one");
		return child;
	}

	private boolean route(DtNode node, DtNode ctl, long[] spec, List<GicIrq> gic, List<Routed> via, int depth) {
		if (isGic(ctl)) {
			if (spec.length < 3) {
				bad(node, "interrupts", "GIC " + ctl.path() + " has #interrupt-cells = " + spec.length + "; a GIC specifier has 3 or 4");
				return false;
			}
			if (spec[0] == 0 || spec[0] == 1) {
				gic.add(new GicIrq(spec[0] == 1, (int) spec[1], (int) (spec[2] & 0xf)));
			} else {
				via.add(new Routed(ctl.path(), spec)); // extended SPI/PPI ranges (GICv3.1)
			}
			return true;
		}
		if (depth < 8 && ctl.compatible().stream().anyMatch(TRANSPARENT::contains) && !ctl.has("interrupt-map")) {
			DtNode up = parentOf(ctl);
			if (up == null) return false;
			if (up.cell("#interrupt-cells", -1) == spec.length) return route(node, up, spec, gic, via, depth + 1);
		}
		via.add(new Routed(ctl.path(), spec));
		return true;
	}

	private Decoded bad(DtNode node, String property, String message) {
		diagnostics.add(DtDiagnostic.error(property == null ? node.location() : node.locationOf(property), node.path(), message));
		return new Decoded(List.of(), List.of());
	}

	static String hex(long v) {
		return "0x" + Long.toHexString(v);
	}
}
