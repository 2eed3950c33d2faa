package dev.tessera.dsl.ide.hover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;

import dev.tessera.core.diag.Finding;
import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.resolve.FileProbe;
import dev.tessera.core.plan.MemoryRange;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.resolve.Resolution;
import dev.tessera.core.resolve.Resolver;
import dev.tessera.core.plan.SharedMemoryPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuCluster;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.DtReference;
import dev.tessera.model.FixedClock;
import dev.tessera.model.Interrupt;
import dev.tessera.model.IrqType;
import dev.tessera.model.Passthrough;
import dev.tessera.model.RamBank;
import dev.tessera.model.RegRange;
import dev.tessera.model.ReservedRegion;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.model.XenSettings;

/**
 * What the editor shows on hover: the facts of a board element, and for a system the resolved plan (placed memory,
 * boot module addresses), computed by the same {@link Resolver} that {@code tessera generate} runs.
 */
public final class Facts {
	private Facts() {
	}

	/** Markdown for the element, or null when there is nothing to say about it. */
	public static String describe(EObject element, EObject context) {
		if (element == null || element.eIsProxy()) return null;
		if (element instanceof Device d) return device(d, context);
		if (element instanceof Domain d) return domain(d);
		if (element instanceof System s) return system(s);
		if (element instanceof Board b) return board(b);
		if (element instanceof Cpu c) return cpu(c);
		if (element instanceof CpuRange r) return cpuRange(r);
		if (element instanceof Cpupool p) return cpupool(p);
		if (element instanceof RamBank r) return "**RAM `" + r.getName() + "`** " + range(r.getBase(), r.getSize());
		if (element instanceof FixedClock c) return fixedClock(c);
		if (element instanceof ReservedRegion r) return "**reserved `" + r.getName() + "`** " + range(r.getBase(), r.getSize())
				+ (r.isLoader() ? " — used by the boot loader: Tessera places nothing there" : " — kept from every domain")
				+ (r.getNote() != null ? "\n\n" + r.getNote() : "");
		return null;
	}

	static String range(long base, long size) {
		return "`" + Sizes.range(base, size) + "` (" + Sizes.human(size) + ")";
	}

	// ---------------------------------------------------------------- board facts

	static String board(Board b) {
		StringBuilder sb = new StringBuilder("**board `" + b.getName() + "`**");
		if (b.getArch() != null) sb.append(" (").append(b.getArch().getLiteral()).append(")");
		if (b.getDescription() != null) sb.append("\n\n").append(b.getDescription());
		List<Cpu> cpus = Systems.cpus(b);
		sb.append("\n\n- CPUs: ").append(cpus.size());
		for (CpuCluster c : b.getClusters())
			sb.append("; `").append(c.getName()).append("`").append(c.getCoreType() != null ? " " + c.getCoreType() : "")
					.append(" × ").append(c.getCpus().size());
		sb.append("\n- RAM: ").append(b.getRam().stream().map(r -> "`" + r.getName() + "` " + range(r.getBase(), r.getSize()))
				.collect(Collectors.joining(", ")));
		if (b.getGic() != null) sb.append("\n- GIC v").append(b.getGic().getVersion());
		sb.append("\n- devices: ").append(b.getDevices().size()).append(", IOMMUs: ").append(b.getIommus().size())
				.append(", fixed clocks: ").append(b.getFixedClocks().size());
		if (b.getDeviceTree() != null) sb.append("\n- device tree: `").append(b.getDeviceTree()).append("`");
		return sb.toString();
	}

	static String cpu(Cpu c) {
		Board b = EcoreUtil2.getContainerOfType(c, Board.class);
		int n = b == null ? -1 : Systems.cpus(b).indexOf(c);
		CpuCluster cl = EcoreUtil2.getContainerOfType(c, CpuCluster.class);
		return "**CPU " + n + "** `" + c.getName() + "`" + (cl != null ? " in cluster `" + cl.getName() + "`"
				+ (cl.getCoreType() != null ? " (" + cl.getCoreType() + ")" : "") : "")
				+ "\n\nmpidr `" + Sizes.hex(c.getMpidr()) + "`" + (c.getDtPath() != null ? " · `" + c.getDtPath() + "`" : "");
	}

	static String device(Device d, EObject context) {
		Board b = EcoreUtil2.getContainerOfType(d, Board.class);
		StringBuilder sb = new StringBuilder("**device `" + d.getName() + "`**");
		if (d.getKind() != null) sb.append(" (").append(d.getKind().getLiteral()).append(")");
		if (b != null) sb.append(" on board `").append(b.getName()).append("`");
		if (d.isDisabled()) sb.append(" — *disabled in the device tree*");
		List<String> lines = new ArrayList<>();
		if (d.getDtPath() != null) lines.add("path `" + d.getDtPath() + "`");
		if (!d.getCompatible().isEmpty())
			lines.add("compatible " + d.getCompatible().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")));
		lines.add("registers: " + (d.getRegs().isEmpty() ? "none"
				: d.getRegs().stream().map(r -> range(r.getBase(), r.getSize())).collect(Collectors.joining(", "))));
		lines.add("interrupts: " + (d.getIrqs().isEmpty() ? "none"
				: d.getIrqs().stream().map(Facts::irq).collect(Collectors.joining(", "))));
		String iommu = b == null ? "" : b.getIommus().stream().filter(i -> i.getCovers().contains(d) || i.getOsidStreams().contains(d))
				.map(i -> "`" + i.getName() + "` (" + i.getKind().getLiteral() + (i.isDisabled() ? ", disabled" : "")
						+ (i.getCovers().contains(d) ? "" : ", a stream per OSID") + ")")
				.collect(Collectors.joining(", "));
		if (!d.getClocks().isEmpty()) lines.add("clocks: " + clocks(d, b));
		if (d.isDma()) lines.add("DMA: yes, " + (b != null && dev.tessera.core.board.IommuCoverage.covered(b, d) ? "behind IOMMU " + iommu
				: "no IOMMU Xen can use" + (iommu.isEmpty() ? "" : " (" + iommu + ")") + ": only a direct-mapped domain can have it"));
		else lines.add("DMA: no");
		if (d.getNote() != null) lines.add("note: " + d.getNote());
		lines.add(owners(d, context));
		sb.append("\n\n- ").append(String.join("\n- ", lines));
		return sb.toString();
	}

	/** Each clock with its name, and whether a guest can have it: a fixed clock is copied into its partial tree. */
	static String clocks(Device d, Board b) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < d.getClocks().size(); i++) {
			DtReference r = d.getClocks().get(i);
			String name = i < d.getClockNames().size() ? "`" + d.getClockNames().get(i) + "` " : "";
			FixedClock fixed = b == null ? null : b.getFixedClocks().stream().filter(c -> r.getProvider() != null && r.getProvider().equals(c.getDtPath()))
					.findFirst().orElse(null);
			out.add(name + (fixed != null ? "fixed clock `" + fixed.getName() + "` (" + hz(fixed.getFrequency()) + ")"
					: "`" + r.getProvider() + "`" + (r.getCells().isEmpty() ? "" : " <" + r.getCells().stream().map(String::valueOf)
							.collect(Collectors.joining(" ")) + ">") + " (not a fixed clock: a guest cannot have it)"));
		}
		return String.join(", ", out);
	}

	static String fixedClock(FixedClock c) {
		Board b = EcoreUtil2.getContainerOfType(c, Board.class);
		List<String> users = b == null ? List.of() : b.getDevices().stream()
				.filter(d -> d.getClocks().stream().anyMatch(r -> r.getProvider() != null && r.getProvider().equals(c.getDtPath())))
				.map(d -> "`" + d.getName() + "`").toList();
		return "**fixed clock `" + c.getName() + "`** " + hz(c.getFrequency()) + (c.getDtPath() != null ? " · `" + c.getDtPath() + "`" : "")
				+ (c.getOutputNames().isEmpty() ? "" : "\n\noutputs " + c.getOutputNames().stream().map(o -> "`" + o + "`").collect(Collectors.joining(", ")))
				+ "\n\nused by " + (users.isEmpty() ? "no device" : String.join(", ", users))
				+ "; a domain given one of them gets a copy of this clock in its partial device tree";
	}

	/** 24 MHz, 100 kHz, 32768 Hz. */
	static String hz(long hz) {
		if (hz != 0 && hz % 1_000_000 == 0) return hz / 1_000_000 + " MHz";
		if (hz != 0 && hz % 1000 == 0) return hz / 1000 + " kHz";
		return hz + " Hz";
	}

	static String irq(Interrupt i) {
		boolean spi = i.getType() == IrqType.SPI;
		int gic = spi ? i.getNumber() + 32 : i.getNumber() + 16;
		return (spi ? "SPI " : "PPI ") + i.getNumber() + (i.isSetTrigger() && i.getTrigger() != null ? " " + i.getTrigger().getLiteral() : "")
				+ " (GIC " + gic + ")";
	}

	/** Which domain owns the device: in the system being edited, else in every loaded system on its board. */
	static String owners(Device d, EObject context) {
		Set<System> systems = new LinkedHashSet<>();
		System here = context == null ? null : EcoreUtil2.getContainerOfType(context, System.class);
		if (here != null) systems.add(here);
		else if (d.eResource() != null && d.eResource().getResourceSet() != null)
			for (Resource r : List.copyOf(d.eResource().getResourceSet().getResources()))
				if (r.isLoaded() && !r.getContents().isEmpty())
					for (EObject o : r.getContents().get(0).eContents())
						if (o instanceof System s && s.getBoard() == EcoreUtil2.getContainerOfType(d, Board.class)) systems.add(s);
		if (systems.isEmpty()) return "owner: no system on this board is open";
		List<String> owners = new ArrayList<>();
		for (System s : systems) {
			List<String> here2 = new ArrayList<>();
			for (Domain dom : s.getDomains())
				for (Passthrough p : dom.getPassthrough())
					if (p.getDevice() == d) here2.add("domain `" + dom.getName() + "`");
			if (s.getXen() != null && s.getXen().getConsole() == d) here2.add("Xen (its console)");
			String who = here2.isEmpty() ? "not passed through: stays with dom0" : String.join(" and ", here2);
			owners.add(systems.size() > 1 || here == null ? who + " in system `" + s.getName() + "`" : who);
		}
		return "owner: " + String.join("; ", owners);
	}

	// ---------------------------------------------------------------- resolved facts

	/** Resolves the system with the files next to it (when they exist; else declared maxima). */
	static Resolution resolve(System s) {
		Path dir = null;
		if (s.eResource() != null) {
			URI uri = s.eResource().getURI();
			if (uri.isFile()) {
				Path p = Path.of(uri.toFileString()).getParent();
				if (p != null) dir = p;
			}
		}
		try {
			return new Resolver(dir != null ? FileProbe.in(dir) : FileProbe.none()).resolve(s);
		} catch (RuntimeException e) {
			return null;
		}
	}

	static String domain(Domain d) {
		System s = EcoreUtil2.getContainerOfType(d, System.class);
		Start start = Systems.startOf(d);
		StringBuilder sb = new StringBuilder("**domain `" + d.getName() + "`** — ");
		sb.append(d.getRole() != null ? d.getRole().getLiteral() : "guest").append(", ");
		sb.append(switch (start) {
		case DOM0 -> "dom0";
		case BOOT -> "started by Xen at boot (dom0less)";
		case XL -> "started later with xl";
		});
		if (d.getOs() != null) sb.append(", ").append(d.getOs().getLiteral());
		Resolution res = s == null ? null : resolve(s);
		Plan plan = res == null ? null : res.plan();
		DomainPlan dp = plan == null ? null : plan.domains().stream().filter(p -> p.name().equals(d.getName())).findFirst().orElse(null);
		if (dp == null) {
			sb.append("\n\n- memory: ").append(d.getMemory() > 0 ? Sizes.human(d.getMemory()) : "not given")
					.append(d.isStaticAllocation() ? " static" : "").append(d.isDirectMap() ? ", direct-mapped" : "");
			sb.append("\n\n*Not placed yet:* ").append(why(res));
			return sb.toString();
		}
		sb.append(", domain id ").append(dp.id());
		sb.append("\n\n- memory: ").append(Sizes.human(dp.memory().bytes()));
		if (!dp.memory().staticRanges().isEmpty())
			sb.append(" static at ").append(dp.memory().staticRanges().stream().map(m -> range(m.base(), m.size())).collect(Collectors.joining(", ")));
		if (dp.memory().directMap()) sb.append(", direct-mapped (guest addresses = host addresses)");
		sb.append("\n- vCPUs: ").append(dp.cpus().vcpus());
		if (!dp.cpus().pin().isEmpty()) sb.append(", pinned to CPUs ").append(dp.cpus().pinList());
		if (dp.cpus().pool() != null) sb.append(", cpupool `").append(dp.cpus().pool().name()).append("` (CPUs ")
				.append(Systems.cpuList(dp.cpus().pool().cpus())).append(")");
		for (SharedMemoryPlan m : dp.memory().shared())
			sb.append("\n- shared memory `").append(m.id()).append("` (").append(m.role().label()).append("): host ")
					.append(range(m.hostAddress(), m.size())).append(", guest `").append(Sizes.hex(m.guestAddress())).append("`");
		for (var p : dp.devices().passthrough())
			if (p.window()) sb.append("\n- GPU `").append(p.device()).append("` OSID ").append(p.osid()).append(" registers ")
					.append(p.regs().stream().map(r -> "`" + Sizes.range(r.base(), r.size()) + "` at guest `" + Sizes.hex(r.guest()) + "`")
							.collect(Collectors.joining(", ")));
			else sb.append("\n- passthrough `").append(p.device()).append("` ").append(p.regs().stream()
					.map(r -> "`" + Sizes.range(r.base(), r.size()) + "`").collect(Collectors.joining(", ")))
					.append(p.irqs().isEmpty() ? "" : ", xl irqs " + p.irqs().stream().map(i -> String.valueOf(i.xlNumber())).collect(Collectors.joining(", ")));
		List<BootModule> modules = new ArrayList<>();
		for (BootModule m : new BootModule[] { dp.boot().kernel(), dp.boot().ramdisk(), dp.boot().deviceTree() }) if (m != null) modules.add(m);
		if (!modules.isEmpty()) {
			sb.append("\n\n| module | file | loaded at | size |\n|---|---|---|---|");
			for (BootModule m : modules) sb.append("\n").append(moduleRow(m));
		}
		if (start == Start.XL) sb.append("\n\nxl loads its files itself: the addresses above are not fixed at boot.");
		return sb.toString();
	}

	static String moduleRow(BootModule m) {
		String at = m.placed() ? "`" + Sizes.range(m.address(), Math.max(m.size(), 1)) + "`" : "computed at boot (dynamic addressing)";
		String size = m.size() < 0 ? "measured at boot" : Sizes.human(m.size()) + switch (m.sizeSource()) {
		case FILE -> " (measured)";
		case MAX -> " (declared maximum)";
		case GENERATED -> " (generated)";
		default -> "";
		};
		return "| " + m.kind().label() + " | `" + m.file() + "` | " + at + " | " + size + " |";
	}

	static String why(Resolution res) {
		if (res == null) return "the system cannot be resolved yet.";
		List<Finding> errors = res.findings().all().stream().filter(Finding::isError).limit(3).toList();
		if (errors.isEmpty()) return "fix the errors of the system first.";
		return errors.stream().map(f -> "[" + f.rule().id() + "] " + f.message()).collect(Collectors.joining("; "));
	}

	static String system(System s) {
		StringBuilder sb = new StringBuilder("**system `" + s.getName() + "`**");
		if (s.getBoard() != null && !s.getBoard().eIsProxy()) sb.append(" on board `").append(s.getBoard().getName()).append("`");
		XenSettings xen = s.getXen();
		if (xen != null && xen.getVersion() != null) sb.append(", Xen ").append(xen.getVersion());
		sb.append("\n\n- domains: ").append(s.getDomains().size()).append(" (")
				.append(Systems.dom0(s).isPresent() ? "dom0, " : "no dom0, ").append(Systems.bootDomains(s).size())
				.append(" at boot, ").append(Systems.xlDomains(s).size()).append(" with xl)");
		Resolution res = resolve(s);
		Plan plan = res == null ? null : res.plan();
		if (plan == null) {
			sb.append("\n\n*Not placed yet:* ").append(why(res));
			return sb.toString();
		}
		sb.append("\n- addressing: ").append(plan.boot().addressing().getLiteral()).append(", loads from `").append(Sizes.hex(plan.boot().loadStart())).append("`");
		sb.append("\n- Xen command line: `").append(plan.xen().cmdline()).append("`");
		sb.append("\n\n| module | file | loaded at | size |\n|---|---|---|---|");
		int shown = 0;
		for (BootModule m : plan.boot().loads()) {
			if (shown++ == 40) {
				sb.append("\n| … | ").append(plan.boot().loads().size() - 40).append(" more | | |");
				break;
			}
			sb.append("\n").append(moduleRow(m));
		}
		return sb.toString();
	}

	static String cpuRange(CpuRange r) {
		System s = EcoreUtil2.getContainerOfType(r, System.class);
		Board b = s == null ? null : s.getBoard();
		List<Cpu> cpus = b == null || b.eIsProxy() ? List.of() : Systems.cpus(b);
		StringBuilder sb = new StringBuilder();
		for (int c = r.getFirst(); c <= Systems.lastOf(r) && c - r.getFirst() < 64; c++) {
			if (sb.length() > 0) sb.append("\n\n");
			if (c < cpus.size()) {
				sb.append(cpu(cpus.get(c)));
				if (s != null) {
					List<String> users = new ArrayList<>();
					for (Cpupool p : s.getCpupools()) if (Systems.expand(p.getCpus()).contains(c)) users.add("cpupool `" + p.getName() + "`");
					for (Domain d : s.getDomains()) if (Systems.expand(d.getPin()).contains(c)) users.add("domain `" + d.getName() + "`");
					sb.append("\n\nused by ").append(users.isEmpty() ? "nothing else" : String.join(", ", users));
				}
			} else sb.append("**CPU ").append(c).append("** — board").append(b == null ? "" : " `" + b.getName() + "`")
					.append(" has only ").append(cpus.size()).append(" CPUs");
		}
		return sb.toString();
	}

	static String cpupool(Cpupool p) {
		System s = EcoreUtil2.getContainerOfType(p, System.class);
		String doms = s == null ? "" : s.getDomains().stream().filter(d -> d.getCpupool() == p).map(d -> "`" + d.getName() + "`")
				.collect(Collectors.joining(", "));
		return "**cpupool `" + p.getName() + "`** — CPUs " + Systems.cpuList(Systems.expand(p.getCpus()))
				+ (p.isSetScheduler() ? ", scheduler " + p.getScheduler().getLiteral() : "")
				+ "\n\ndomains: " + (doms.isEmpty() ? "none" : doms);
	}

	static String regRange(RegRange r) {
		return range(r.getBase(), r.getSize());
	}

	static String memory(MemoryRange m) {
		return range(m.base(), m.size());
	}
}
