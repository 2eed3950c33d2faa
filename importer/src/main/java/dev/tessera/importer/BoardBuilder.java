package dev.tessera.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tessera.model.Arch;
import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuCluster;
import dev.tessera.model.Device;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.DtReference;
import dev.tessera.model.FixedClock;
import dev.tessera.model.Gic;
import dev.tessera.model.Interrupt;
import dev.tessera.model.Iommu;
import dev.tessera.model.IrqType;
import dev.tessera.model.RamBank;
import dev.tessera.model.RegRange;
import dev.tessera.model.ReservedRegion;
import dev.tessera.model.TesseraFactory;
import dev.tessera.model.Trigger;

/**
 * Builds a Tessera board from a flattened device tree: CPUs and clusters, RAM, reserved memory, the GIC, the
 * IOMMUs and what they cover, every memory-mapped or interrupt-raising device with its registers (translated to
 * physical addresses), interrupts, clocks (and their names), power domains and resets, and the fixed-rate clocks.
 * Every element keeps the device-tree path it came from. Problems with the tree are added to the diagnostics.
 */
public final class BoardBuilder {
	/** What the builder made, and what it noticed for the board file's comments. */
	public record Built(Board board, List<String> remarks, Map<Device, BusMastering.Verdict> dma, Map<Device, List<String>> needReasons) {
	}

	private static final TesseraFactory F = TesseraFactory.eINSTANCE;
	private static final Set<String> ARMV7_CORES = Set.of("cortex-a5", "cortex-a7", "cortex-a8", "cortex-a9", "cortex-a12",
			"cortex-a15", "cortex-a17", "brahma-b15", "krait", "scorpion", "pj4b");
	private final DtTree tree;
	private final List<DtDiagnostic> diagnostics;
	private final AddressTranslator addresses;
	private final InterruptDecoder interrupts;
	private final Names names = new Names();
	private final List<String> remarks = new ArrayList<>();
	private final Map<Device, BusMastering.Verdict> dma = new LinkedHashMap<>();
	/** Why each device needs the others it needs: "property -> name". */
	private final Map<Device, List<String>> needReasons = new LinkedHashMap<>();

	public BoardBuilder(DtTree tree, List<DtDiagnostic> diagnostics) {
		this.tree = tree;
		this.diagnostics = diagnostics;
		this.addresses = new AddressTranslator(diagnostics);
		this.interrupts = new InterruptDecoder(tree, diagnostics);
	}

	/** @param arch the architecture, or null to take it from the source's place or the CPUs */
	public Built build(String boardName, Arch arch) {
		Board b = F.createBoard();
		b.setName(names.unique(boardName));
		DtNode root = tree.root();
		DtProperty model = root.property("model");
		if (model != null) b.setDescription(model.string());
		cpus(b);
		b.setArch(arch != null ? arch : guessArch(b));
		memory(b);
		reserved(b);
		loader(b);
		DtNode gic = gic(b);
		IommuCoverage coverage = new IommuCoverage(tree, diagnostics);
		Map<DtNode, Device> devices = devices(b, gic, coverage);
		needs(devices);
		iommus(b, coverage, devices);
		// named last, so that a clock's name never takes one a device or IOMMU had before clocks were read
		fixedClocks(b);
		return new Built(b, List.copyOf(remarks), dma, needReasons);
	}

	// ------------------------------------------------------------------ CPUs

	private void cpus(Board b) {
		DtNode cpusNode = tree.byPath("/cpus");
		if (cpusNode == null) {
			remarks.add("the device tree has no /cpus node: add the CPUs by hand");
			return;
		}
		Map<DtNode, Cpu> cpus = new LinkedHashMap<>();
		Map<DtNode, String> types = new HashMap<>();
		for (DtNode n : cpusNode.children()) {
			DtProperty dt = n.property("device_type");
			if (dt == null || !dt.string().equals("cpu")) continue;
			Cpu c = F.createCpu();
			c.setName(names.unique(n.labels().isEmpty() ? "cpu" + cpus.size() : n.labels().get(0)));
			c.setDtPath(n.path());
			DtProperty reg = n.property("reg");
			long[] cells = reg == null ? null : reg.cells();
			int ac = AddressTranslator.addressCells(cpusNode);
			if (reg == null)
				// old uniprocessor boards (ARMv5/v6) leave it out; Xen numbers and wakes CPUs by it
				diagnostics.add(DtDiagnostic.warning(n.location(), n.path(), "the CPU has no reg, so its MPIDR is unknown: "
						+ "add 'mpidr' by hand if Xen is to use it"));
			else if (cells == null || cells.length != ac || ac < 1 || ac > 2)
				diagnostics.add(DtDiagnostic.error(n.locationOf("reg"), n.path(), "a CPU's reg is its MPIDR in " + ac
						+ " cell(s) (#address-cells of /cpus), but it has " + reg.value().length + " bytes"));
			else
				c.setMpidr(AddressTranslator.join(cells, 0, ac));
			cpus.put(n, c);
			types.put(n, n.compatible().isEmpty() ? null : n.compatible().get(0).replaceFirst("^[^,]*,", ""));
		}
		// clusters from cpu-map (leaf clusters, named by their path under cpu-map), then any CPU not in it
		DtNode map = tree.byPath("/cpus/cpu-map");
		List<DtNode> placed = new ArrayList<>();
		if (map != null) leafClusters(map, "", b, cpus, types, placed);
		List<DtNode> rest = cpus.keySet().stream().filter(n -> !placed.contains(n)).toList();
		if (!rest.isEmpty()) {
			// without a cpu-map: one cluster per core type, in order of appearance
			Map<String, List<DtNode>> byType = new LinkedHashMap<>();
			for (DtNode n : rest) byType.computeIfAbsent(String.valueOf(types.get(n)), k -> new ArrayList<>()).add(n);
			int i = b.getClusters().size();
			for (List<DtNode> group : byType.values()) {
				CpuCluster cl = F.createCpuCluster();
				cl.setName(names.unique("cluster" + i++));
				setCoreType(cl, group, types);
				group.forEach(n -> cl.getCpus().add(cpus.get(n)));
				b.getClusters().add(cl);
			}
		}
	}

	private void leafClusters(DtNode node, String prefix, Board b, Map<DtNode, Cpu> cpus, Map<DtNode, String> types, List<DtNode> placed) {
		List<DtNode> members = new ArrayList<>();
		collectCores(node, members);
		boolean leaf = node.children().stream().noneMatch(c -> c.baseName().startsWith("cluster") || c.baseName().startsWith("socket"));
		if (leaf && !members.isEmpty() && !node.name().equals("cpu-map")) {
			CpuCluster cl = F.createCpuCluster();
			cl.setName(names.unique(prefix.isEmpty() ? node.name() : prefix + node.name()));
			List<DtNode> in = members.stream().filter(cpus::containsKey).filter(n -> !placed.contains(n)).toList();
			setCoreType(cl, in, types);
			in.forEach(n -> cl.getCpus().add(cpus.get(n)));
			placed.addAll(in);
			if (!cl.getCpus().isEmpty()) b.getClusters().add(cl);
			return;
		}
		String p = node.name().equals("cpu-map") ? "" : prefix + node.name() + "-";
		for (DtNode c : node.children())
			if (c.baseName().startsWith("cluster") || c.baseName().startsWith("socket")) leafClusters(c, p, b, cpus, types, placed);
	}

	/** The CPUs named by core/thread nodes below a cluster node (not in nested clusters). */
	private void collectCores(DtNode n, List<DtNode> out) {
		for (DtNode c : n.children()) {
			if (c.baseName().startsWith("cluster") || c.baseName().startsWith("socket")) continue;
			DtProperty cpu = c.property("cpu");
			long[] ph = cpu == null ? null : cpu.cells();
			if (ph != null && ph.length == 1) {
				DtNode target = tree.byPhandle(ph[0]);
				if (target == null)
					diagnostics.add(DtDiagnostic.error(c.locationOf("cpu"), c.path(), "cpu names phandle "
							+ InterruptDecoder.hex(ph[0]) + ", which is no node of this tree"));
				else
					out.add(target);
			}
			collectCores(c, out);
		}
	}

	private static void setCoreType(CpuCluster cl, List<DtNode> members, Map<DtNode, String> types) {
		List<String> distinct = members.stream().map(types::get).distinct().toList();
		if (distinct.size() == 1 && distinct.get(0) != null) cl.setCoreType(Names.sanitize(distinct.get(0)));
	}

	private Arch guessArch(Board b) {
		String file = tree.file().replace('\\', '/');
		if (file.contains("/arm64/")) return Arch.AARCH64;
		if (file.contains("/arm/")) return Arch.ARM32;
		boolean v7 = b.getClusters().stream().anyMatch(c -> c.getCoreType() != null && ARMV7_CORES.contains(c.getCoreType()));
		return v7 ? Arch.ARM32 : Arch.AARCH64;
	}

	// ------------------------------------------------------------------ memory

	private void memory(Board b) {
		int i = 0;
		for (DtNode n : tree.all()) {
			DtProperty dt = n.property("device_type");
			if (dt == null || !dt.string().equals("memory") || !n.enabled()) continue;
			for (AddressTranslator.Range r : addresses.physicalRegs(n)) {
				if (r.size() == 0) {
					remarks.add(n.path() + " has a bank of size 0 at " + InterruptDecoder.hex(r.base())
							+ ": the boot firmware fills it in; add the RAM of your board by hand");
					continue;
				}
				RamBank bank = F.createRamBank();
				bank.setName(names.unique("bank" + i++));
				bank.setBase(r.base());
				bank.setSize(r.size());
				bank.setDtPath(n.path());
				b.getRam().add(bank);
			}
		}
		if (b.getRam().isEmpty() && remarks.stream().noneMatch(r -> r.contains("size 0")))
			remarks.add("the device tree names no memory: add the RAM of your board by hand");
	}

	private void reserved(Board b) {
		for (DtTree.MemReserve m : tree.memreserves()) {
			ReservedRegion r = F.createReservedRegion();
			r.setName(names.unique("memreserve-" + Long.toHexString(m.address())));
			r.setBase(m.address());
			r.setSize(m.size());
			r.setNote("/memreserve/ entry of the device tree's header");
			b.getReserved().add(r);
		}
		DtNode rm = tree.byPath("/reserved-memory");
		if (rm == null) return;
		for (DtNode n : rm.children()) {
			if (!n.enabled()) continue;
			List<AddressTranslator.Range> regs = addresses.physicalRegs(n);
			if (regs.isEmpty()) {
				if (n.has("size"))
					remarks.add(n.path() + " is allocated by the kernel at boot (size without reg): it has no fixed place");
				continue;
			}
			int k = 0;
			for (AddressTranslator.Range range : regs) {
				ReservedRegion r = F.createReservedRegion();
				String base = n.labels().isEmpty() ? n.name() : n.labels().get(0);
				r.setName(names.unique(k++ == 0 ? base : base + "-" + k));
				r.setBase(range.base());
				r.setSize(range.size());
				r.setDtPath(n.path());
				b.getReserved().add(r);
			}
		}
	}

	/** How much of the top of its RAM U-Boot's relocated code, heap, stack and device tree take, at most (a margin). */
	static final long UBOOT_RELOCATION = 64L << 20;
	/** Where a device tree U-Boot or QEMU leaves is given room (a tree is far smaller). */
	static final long FDT_ROOM = 2L << 20;

	/**
	 * Memory the boot loader occupies while Tessera's boot script loads Xen, where a fact says so. Only QEMU's virt
	 * machine (root compatible "linux,dummy-virt") says it: QEMU puts the tree it generates at the start of RAM for
	 * the firmware (U-Boot's doc/board/emulation/qemu-arm.rst: "A generated device tree blob placed at the start of
	 * RAM"); U-Boot's qemu-arm board takes its RAM from the first /memory bank (board/emulation/qemu-arm/qemu-arm.c,
	 * dram_init: fdtdec_setup_mem_size_base) and relocates itself to its top (common/board_f.c, setup_dest_addr:
	 * relocaddr = ram_top); QEMU's own -kernel/-dtb loader puts the tree after the initrd, at RAM base + min(RAM / 2,
	 * 128 MiB) without one (hw/arm/boot.c, arm_setup_direct_kernel_boot). On any other board the loader's place
	 * depends on its build and environment, which the tree does not hold: a remark says so, and the rule
	 * board.loader-memory warns until the board declares it.
	 */
	private void loader(Board b) {
		if (b.getRam().isEmpty()) return;
		RamBank first = b.getRam().get(0);
		if (tree.root().isCompatible("linux,dummy-virt")) {
			long base = first.getBase(), size = first.getSize();
			loaderRegion(b, "fdt-uboot", base, FDT_ROOM, "QEMU leaves its device tree at the start of RAM for U-Boot (fdt_addr): "
					+ "U-Boot doc/board/emulation/qemu-arm.rst");
			loaderRegion(b, "fdt-direct", base + Math.min(size / 2, 128L << 20), FDT_ROOM, "QEMU's -dtb loader puts the device tree "
					+ "at RAM base + min(RAM / 2, 128 MiB) when there is no initrd: QEMU hw/arm/boot.c, arm_setup_direct_kernel_boot");
			long top = base + size;
			if (top > (4L << 30) && base < (4L << 30)) top = 4L << 30;
			loaderRegion(b, "uboot-reloc", top - UBOOT_RELOCATION, UBOOT_RELOCATION, "U-Boot relocates its code, heap and stack to the "
					+ "top of the first RAM bank: U-Boot board/emulation/qemu-arm/qemu-arm.c (dram_init), common/board_f.c (setup_dest_addr); "
					+ "64 MiB is a margin");
			return;
		}
		remarks.add("no memory the boot loader occupies is known from this tree (only QEMU's virt machine says where its tree "
				+ "and U-Boot are): U-Boot relocates its code, heap, stack and device tree to the top of the RAM it uses "
				+ "(common/board_f.c; 'bdinfo' prints relocaddr), and the firmware may leave a device tree elsewhere. Add "
				+ "'reserved NAME BASE size SIZE loader' for each, or Tessera's boot script may load Xen over them: "
				+ "'tessera check' warns (board.loader-memory) until you do.");
	}

	private void loaderRegion(Board b, String name, long base, long size, String note) {
		ReservedRegion r = F.createReservedRegion();
		r.setName(names.unique(name));
		r.setBase(base);
		r.setSize(size);
		r.setLoader(true);
		r.setNote(note);
		b.getReserved().add(r);
	}

	// ------------------------------------------------------------------ GIC

	private DtNode gic(Board b) {
		DtNode found = null;
		for (DtNode n : tree.all())
			if (InterruptDecoder.isGic(n) && n.has("interrupt-controller") && n.effectivelyEnabled()) {
				found = n;
				break;
			}
		if (found == null) {
			remarks.add("no Arm GIC in the device tree: Xen on Arm needs one (GICv2 or GICv3)");
			return null;
		}
		Gic g = F.createGic();
		g.setVersion(InterruptDecoder.gicVersion(found));
		g.setDtPath(found.path());
		for (AddressTranslator.Range r : addresses.physicalRegs(found)) g.getRegs().add(reg(r));
		b.setGic(g);
		if (found.isCompatible("arm,cortex-a9-gic") || found.isCompatible("arm,arm11mp-gic"))
			remarks.add(found.path() + " is a GICv1 (" + found.compatible().get(0) + "), which Xen does not support");
		return found;
	}

	// ------------------------------------------------------------------ devices

	private boolean skipped(DtNode n, DtNode gic, IommuCoverage coverage) {
		String p = n.path();
		if (n.parent() == null || p.equals("/cpus") || p.startsWith("/cpus/") || p.equals("/chosen") || p.startsWith("/chosen/")
				|| p.equals("/aliases") || p.equals("/__symbols__") || p.startsWith("/reserved-memory") || p.startsWith("/__"))
			return true;
		DtProperty dt = n.property("device_type");
		if (dt != null && (dt.string().equals("memory") || dt.string().equals("cpu"))) return true;
		if (coverage.isIommu(n)) return true;
		for (DtNode a = n; a != null; a = a.parent())
			if (a == gic) return true;
		return n.compatible().isEmpty();
	}

	private Map<DtNode, Device> devices(Board b, DtNode gic, IommuCoverage coverage) {
		Map<DtNode, Device> out = new LinkedHashMap<>();
		for (DtNode n : tree.all()) {
			if (skipped(n, gic, coverage)) continue;
			List<AddressTranslator.Range> regs = addresses.physicalRegs(n);
			InterruptDecoder.Decoded irqs = interrupts.decode(n);
			if (regs.isEmpty() && irqs.gic().isEmpty()) continue;
			Device d = F.createDevice();
			d.setName(names.unique(n.labels().isEmpty() ? n.name() : n.labels().get(0)));
			d.setDtPath(n.path());
			d.getCompatible().addAll(n.compatible());
			DeviceKind kind = DeviceClassifier.kind(n);
			if (kind != DeviceKind.GENERIC) d.setKind(kind);
			regs.forEach(r -> d.getRegs().add(reg(r)));
			for (InterruptDecoder.GicIrq irq : irqs.gic()) d.getIrqs().add(irq(n, irq));
			for (InterruptDecoder.Routed r : irqs.via()) d.getInterruptsVia().add(ref(r.controller(), r.cells()));
			if (!n.effectivelyEnabled()) d.setDisabled(true);
			BusMastering.Verdict v = BusMastering.of(tree, n, coverage.iommusOf(n));
			d.setDma(v.master());
			d.setNoDma(v.state() == BusMastering.State.NOT_MASTER);
			dma.put(d, v);
			deps(n, "clocks", "#clock-cells", d.getClocks());
			DtProperty clockNames = n.property("clock-names");
			if (clockNames != null) d.getClockNames().addAll(clockNames.strings());
			deps(n, "power-domains", "#power-domain-cells", d.getPowerDomains());
			deps(n, "resets", "#reset-cells", d.getResets());
			Optional<String> gpu = GpuRecognizer.recognise(n);
			gpu.ifPresent(g -> d.setNote("GPU: " + g + "; how it can be shared between domains is not in the device tree: add 'sharing' by hand"));
			b.getDevices().add(d);
			out.put(n, d);
		}
		return out;
	}

	/** What each device's driver needs beside it (DeviceNeeds), where that is a device of the board too. */
	private void needs(Map<DtNode, Device> devices) {
		devices.forEach((n, d) -> {
			for (DeviceNeeds.Need need : DeviceNeeds.of(tree, n, diagnostics)) {
				Device other = devices.get(need.provider());
				if (other != null && other != d && !d.getNeeds().contains(other)) {
					d.getNeeds().add(other);
					needReasons.computeIfAbsent(d, x -> new java.util.ArrayList<>()).add(need.property() + " -> " + other.getName());
				}
			}
		});
	}

	private void deps(DtNode n, String property, String cells, List<DtReference> into) {
		for (PhandleList.Entry e : PhandleList.read(tree, n, property, cells, DtDiagnostic.Severity.WARNING, diagnostics))
			into.add(ref(e.provider().path(), e.cells()));
	}

	private Interrupt irq(DtNode n, InterruptDecoder.GicIrq g) {
		Interrupt i = F.createInterrupt();
		i.setType(g.ppi() ? IrqType.PPI : IrqType.SPI);
		i.setNumber(g.number());
		Trigger t = switch (g.flags()) {
		case 1 -> Trigger.EDGE_RISING;
		case 2 -> Trigger.EDGE_FALLING;
		case 4 -> Trigger.LEVEL_HIGH;
		case 8 -> Trigger.LEVEL_LOW;
		default -> null;
		};
		if (t != null) i.setTrigger(t);
		else if (g.flags() != 0)
			diagnostics.add(DtDiagnostic.warning(n.locationOf("interrupts"), n.path(), (g.ppi() ? "PPI " : "SPI ") + g.number()
					+ " has trigger flags " + g.flags() + ", which a GIC interrupt cannot have (one of 1, 2, 4, 8): left out"));
		return i;
	}

	private static DtReference ref(String provider, long[] cells) {
		DtReference r = F.createDtReference();
		r.setProvider(provider);
		for (long c : cells) r.getCells().add(c);
		return r;
	}

	private static RegRange reg(AddressTranslator.Range r) {
		RegRange g = F.createRegRange();
		g.setBase(r.base());
		g.setSize(r.size());
		return g;
	}

	// ------------------------------------------------------------------ fixed clocks

	/**
	 * Every enabled node compatible with "fixed-clock" (Linux registers only those whose own status is okay):
	 * its rate (clock-frequency, one or two cells), #clock-cells and clock-output-names.
	 */
	private void fixedClocks(Board b) {
		for (DtNode n : tree.all()) {
			if (!n.isCompatible("fixed-clock") || !n.enabled()) continue;
			DtProperty rate = n.property("clock-frequency");
			long[] hz = rate == null ? null : rate.cells();
			if (hz == null || hz.length < 1 || hz.length > 2) {
				diagnostics.add(DtDiagnostic.warning(n.locationOf("clock-frequency"), n.path(), "a fixed clock needs its rate in "
						+ "clock-frequency (one or two cells): left out"));
				continue;
			}
			FixedClock c = F.createFixedClock();
			c.setName(names.unique(n.labels().isEmpty() ? n.name() : n.labels().get(0)));
			c.setDtPath(n.path());
			c.setFrequency(AddressTranslator.join(hz, 0, hz.length));
			long cells = n.cell("#clock-cells", -1);
			if (cells != 0)
				diagnostics.add(DtDiagnostic.warning(n.locationOf("#clock-cells"), n.path(), "a fixed clock has #clock-cells = <0>, "
						+ "but this one has " + (cells < 0 ? "none" : cells) + (cells < 0 ? ": recorded as 0" : "")));
			c.setCells((int) Math.max(cells, 0));
			DtProperty outputs = n.property("clock-output-names");
			if (outputs != null) c.getOutputNames().addAll(outputs.strings());
			b.getFixedClocks().add(c);
		}
	}

	// ------------------------------------------------------------------ IOMMUs

	private void iommus(Board b, IommuCoverage coverage, Map<DtNode, Device> devices) {
		for (DtNode n : coverage.iommus()) {
			Iommu i = F.createIommu();
			i.setName(names.unique(n.labels().isEmpty() ? n.name() : n.labels().get(0)));
			i.setKind(IommuCoverage.kind(n));
			i.setDtPath(n.path());
			addresses.physicalRegs(n).forEach(r -> i.getRegs().add(reg(r)));
			if (!n.effectivelyEnabled()) i.setDisabled(true);
			for (DtNode client : coverage.clients(n)) {
				Device d = devices.get(client);
				if (d != null) i.getCovers().add(d);
			}
			b.getIommus().add(i);
		}
	}
}
