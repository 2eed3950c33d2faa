package dev.tessera.generators.layout;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.FrontendPlan;
import dev.tessera.core.plan.Plan;

/**
 * Where things go in layout.svg: one box per domain in start order, with its role, CPUs and memory and the
 * devices it owns; an arrow from each backend to each domain it serves; the memory map as a bar. The template
 * only draws what this decides.
 */
public final class LayoutDrawing {
	public static final int BOX_W = 220, GAP = 40, TOP = 60, LINE = 16;

	public record Box(String name, String role, String boot, String cpus, String memory, List<String> devices, int x, int y, int h) {
		public int cx() {
			return x + BOX_W / 2;
		}
	}

	/** A backend arrow, or (link) a dashed line for shared memory or an event channel between two domains. */
	public record Arrow(int x1, int x2, int y, String label, boolean link) {
	}

	/** A domain's share of the memory bar; labels alternate between two rows so narrow bars stay readable. */
	public record Bar(String label, int x, int w, boolean isStatic, int labelDy, int labelX) {
	}

	public final List<Box> boxes = new ArrayList<>();
	public final List<Arrow> arrows = new ArrayList<>();
	public final List<Bar> memory = new ArrayList<>();
	public final int width, height;
	public final String title;

	public LayoutDrawing(Plan plan) {
		title = "System " + plan.product() + " on " + plan.board();
		List<DomainPlan> order = new ArrayList<>();
		for (String n : plan.backends().startOrder()) plan.domains().stream().filter(d -> d.name().equals(n)).findFirst().ifPresent(order::add);
		int maxH = 0;
		for (int i = 0; i < order.size(); i++) {
			DomainPlan d = order.get(i);
			// a GPU guest's OSID registers are not the GPU: they appear on the GPU line below
			List<String> devices = d.devices().owned().stream()
					.map(p -> p.device() + (d.devices().dmaBehindIommu(p) ? "" : " (no IOMMU)")).toList();
			List<String> shown = new ArrayList<>(devices);
			plan.devices().gpus().stream().filter(g -> g.host().equals(d.name())).forEach(g -> shown.add("GPU " + g.device() + ": " + g.mode().getLiteral() + " host"));
			plan.devices().gpus().forEach(g -> g.guests().stream().filter(x -> x.domain().equals(d.name()))
					.forEach(x -> shown.add("GPU " + g.device() + (x.osid() != null ? " OSID " + x.osid() : ""))));
			int h = LINE * (5 + shown.size());
			maxH = Math.max(maxH, h);
			var pool = d.cpus().pool();
			String cpus = pool != null ? "pool " + pool.name() + " CPU " + dev.tessera.core.xen.Systems.cpuList(pool.cpus())
					: d.cpus().pin().isEmpty() ? "Pool-0" : "CPU " + d.cpus().pinList();
			boxes.add(new Box(d.name(), d.role().getLiteral(), d.start().getLiteral(), d.cpus().vcpus() + " vCPU, " + cpus,
					d.memory().mib() + " MiB" + (d.memory().directMap() ? ", direct-mapped" : ""),
					shown, GAP + i * (BOX_W + GAP), TOP, h));
		}
		int y = TOP + maxH + 30;
		for (DomainPlan f : plan.domains())
			for (FrontendPlan fp : f.pv().frontends()) {
				Box from = box(fp.servedByDom0() ? null : fp.backend()), to = box(f.name());
				if (from == null || to == null) continue;
				arrows.add(new Arrow(from.cx(), to.cx(), y, fp.kind().xl(), false));
				y += 22;
			}
		for (DomainPlan owner : plan.domains())
			for (var m : owner.memory().shared()) {
				if (!m.owner()) continue;
				for (DomainPlan other : plan.domains())
					for (var o : other.memory().shared())
						if (o.id().equals(m.id()) && !o.owner()) {
							Box a = box(owner.name()), b = box(other.name());
							if (a == null || b == null) continue;
							arrows.add(new Arrow(a.cx(), b.cx(), y, "shared memory " + m.id() + " " + dev.tessera.core.text.Sizes.human(m.size()), true));
							y += 22;
						}
			}
		for (var e : plan.eventChannels()) {
			Box a = box(e.aDomain()), b = box(e.bDomain());
			if (a == null || b == null) continue;
			arrows.add(new Arrow(a.cx(), b.cx(), y, "event channel " + e.name(), true));
			y += 22;
		}
		width = Math.max(GAP + boxes.size() * (BOX_W + GAP), 600);
		int barY = y + 20;
		long total = plan.domains().stream().mapToLong(d -> d.memory().mib()).sum();
		int x = GAP;
		int usable = width - 2 * GAP;
		for (DomainPlan d : plan.domains()) {
			int w = total == 0 ? 0 : (int) Math.max(2, usable * d.memory().mib() / total);
			String label = d.name() + " " + d.memory().mib() + "M";
			// a label near the right edge moves left so that it stays inside the drawing (about 7 px a character)
			int labelX = Math.min(x + 4, width - 8 - 7 * label.length());
			memory.add(new Bar(label, x, w, !d.memory().staticRanges().isEmpty(), 40 + 16 * (memory.size() % 2), labelX));
			x += w;
		}
		height = barY + 86;
		memoryY = barY;
	}

	public final int memoryY;

	/** The box of a domain; null names dom0, as in event-channel plans. */
	private Box box(String domain) {
		return boxes.stream().filter(b -> domain == null ? "dom0".equals(b.boot()) : b.name().equals(domain)).findFirst().orElse(null);
	}

	public int boxW() {
		return BOX_W;
	}

	public int line() {
		return LINE;
	}
}
