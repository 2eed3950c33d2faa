package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tessera.core.board.IommuCoverage;
import dev.tessera.core.board.OsidBank;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.FixedClockPlan;
import dev.tessera.core.plan.GpuPlan;
import dev.tessera.core.plan.InterruptPlan;
import dev.tessera.core.plan.MmioRange;
import dev.tessera.core.plan.PassthroughPlan;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.DtReference;
import dev.tessera.model.FixedClock;
import dev.tessera.model.GpuGuest;
import dev.tessera.model.GpuShare;
import dev.tessera.model.GpuSharing;
import dev.tessera.model.Iommu;
import dev.tessera.model.IrqType;
import dev.tessera.model.Passthrough;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * Devices and interrupts: what each domain is given (host devices with their registers, interrupts and fixed
 * clocks, or the register bank of a GPU OSID), what leaves dom0's sight, and how each shared GPU is hosted and used.
 */
final class DevicePlanner {
	private final System s;
	private final Board b;
	/** One plan per device, whoever it is given to. */
	private final Map<Device, PassthroughPlan> byDevice = new LinkedHashMap<>();
	/** The board's fixed clocks by device-tree path, each with the label a partial tree gives it. */
	private final Map<String, FixedClockPlan> fixedClocks = new LinkedHashMap<>();

	DevicePlanner(System s, Board b) {
		this.s = s;
		this.b = b;
		Set<String> labels = new HashSet<>(Set.of("gic")); // the partial tree's placeholder for the guest's GIC
		for (FixedClock c : b.getFixedClocks()) {
			if (c.getDtPath() == null || fixedClocks.containsKey(c.getDtPath())) continue;
			fixedClocks.put(c.getDtPath(), new FixedClockPlan(unique(label(c.getName()), labels), nodeName(c.getDtPath()), c.getDtPath(),
					c.getFrequency(), c.getCells(), List.copyOf(c.getOutputNames())));
		}
	}

	/**
	 * The fixed clocks a domain's devices use, each once in order of first use, named so that no two nodes under
	 * the partial tree's /passthrough share a name.
	 */
	List<FixedClockPlan> clocksOf(List<PassthroughPlan> given) {
		Set<String> labels = new HashSet<>();
		for (PassthroughPlan p : given) for (PassthroughPlan.Clock c : p.clocks()) labels.add(c.label());
		Set<String> nodes = new HashSet<>();
		for (PassthroughPlan p : given) nodes.add(p.nodeName());
		List<FixedClockPlan> out = new ArrayList<>();
		for (FixedClockPlan c : fixedClocks.values()) {
			if (!labels.contains(c.label())) continue;
			String node = nodes.add(c.nodeName()) ? c.nodeName() : unique(c.label(), nodes);
			out.add(new FixedClockPlan(c.label(), node, c.hostPath(), c.hz(), c.cells(), c.outputNames()));
		}
		return out;
	}

	/**
	 * The devices a domain is given, then the register banks of its GPU OSIDs, then the nodes of the GPU streams it
	 * gets through IOMMUs: OSID 0's for a GPU it is given, its OSID's for a GPU it is a hardware guest of.
	 */
	List<PassthroughPlan> of(Domain d) {
		List<PassthroughPlan> devices = new ArrayList<>();
		List<PassthroughPlan> streams = new ArrayList<>();
		for (Passthrough p : d.getPassthrough())
			if (p.getDevice() != null && !p.getDevice().eIsProxy()) {
				devices.add(byDevice.computeIfAbsent(p.getDevice(), this::passthrough));
				streams.addAll(streams(p.getDevice(), d, 0));
			}
		devices.addAll(osidBanks(d));
		for (GpuShare g : s.getGpus()) {
			if (g.getMode() != GpuSharing.HARDWARE || g.getDevice() == null || g.getDevice().eIsProxy()) continue;
			for (GpuGuest x : g.getGuests())
				if (x.getDomain() == d && x.isSetOsid() && x.getOsid() > 0) streams.addAll(streams(g.getDevice(), d, x.getOsid()));
		}
		devices.addAll(streams);
		return devices;
	}

	/** The nodes Tessera adds to the host tree for the streams the domains are given, each once. */
	static List<PassthroughPlan> streamNodes(List<DomainPlan> domains) {
		Map<String, PassthroughPlan> out = new LinkedHashMap<>();
		for (DomainPlan d : domains)
			for (PassthroughPlan p : d.devices().assigned())
				if (p.stream() != null) out.putIfAbsent(p.hostPath(), p);
		return List.copyOf(out.values());
	}

	/**
	 * One node per IOMMU that carries the GPU's OSID streams, beside the GPU in the host tree, named after the GPU
	 * node, the IOMMU and the domain (gsx_ipmmu_pv0_domd): Xen's IPMMU driver takes a device's IPMMU from its first
	 * iommus entry only (ipmmu_dt_xlate), so each IOMMU needs a node of its own, and each domain its own context.
	 */
	private List<PassthroughPlan> streams(Device gpu, Domain d, int osid) {
		List<PassthroughPlan> out = new ArrayList<>();
		String path = gpu.getDtPath();
		if (path == null) return out;
		String parent = path.substring(0, Math.max(path.lastIndexOf('/'), 0));
		String base = nodeName(path).replaceAll("@.*", "");
		for (Iommu i : IommuCoverage.osidStreams(b, gpu)) {
			if (i.getDtPath() == null) continue;
			String node = base + "_" + i.getName() + "_" + d.getName();
			out.add(new PassthroughPlan(gpu.getName(), parent + "/" + node, node, List.of(), List.of(), List.of(), true, null, List.of(), List.of(),
					new PassthroughPlan.Stream(i.getName(), i.getDtPath(), osid)));
		}
		return out;
	}

	/** Devices leave dom0's sight only when another domain takes them. */
	static List<String> hostPassthrough(List<DomainPlan> domains) {
		List<String> out = new ArrayList<>();
		for (DomainPlan d : domains)
			if (d.start() != Start.DOM0)
				for (PassthroughPlan p : d.devices().assigned())
					if (!out.contains(p.hostPath())) out.add(p.hostPath());
		return out;
	}

	List<GpuPlan> gpus() {
		List<GpuPlan> out = new ArrayList<>();
		for (GpuShare g : s.getGpus()) {
			if (g.getDevice() == null || g.getDevice().eIsProxy() || g.getHost() == null || g.getHost().eIsProxy()) continue;
			List<GpuPlan.Guest> guests = new ArrayList<>();
			for (GpuGuest x : g.getGuests())
				if (x.getDomain() != null && !x.getDomain().eIsProxy())
					guests.add(new GpuPlan.Guest(x.getDomain().getName(), x.isSetOsid() ? x.getOsid() : null,
							g.getMode() == GpuSharing.HARDWARE && x.isSetOsid() ? OsidBank.of(g.getDevice(), x.getOsid()).map(DevicePlanner::range).orElse(null) : null));
			out.add(new GpuPlan(g.getDevice().getName(), g.getDevice().getDtPath(), g.getMode(), g.getHost().getName(), interrupts(g.getDevice()), guests));
		}
		return out;
	}

	private PassthroughPlan passthrough(Device dev) {
		String path = dev.getDtPath();
		List<MmioRange> regs = dev.getRegs().stream().map(r -> new MmioRange(r.getBase(), r.getSize(), r.getBase())).toList();
		List<PassthroughPlan.Clock> clocks = clocks(dev);
		List<String> clockNames = !clocks.isEmpty() && dev.getClockNames().size() == clocks.size() ? List.copyOf(dev.getClockNames()) : List.of();
		return new PassthroughPlan(dev.getName(), path, nodeName(path), List.copyOf(dev.getCompatible()), regs, interrupts(dev),
				IommuCoverage.coversNode(b, dev), null, clocks, clockNames, null);
	}

	/**
	 * The device's clocks as references to the fixed clocks a partial tree carries; none unless every clock is a
	 * fixed clock of the board (the rest of a list would not match the clock-names its binding expects).
	 */
	private List<PassthroughPlan.Clock> clocks(Device dev) {
		List<PassthroughPlan.Clock> out = new ArrayList<>();
		for (DtReference r : dev.getClocks()) {
			FixedClockPlan c = fixedClocks.get(r.getProvider());
			if (c == null) return List.of();
			out.add(new PassthroughPlan.Clock(c.label(), List.copyOf(r.getCells())));
		}
		return out;
	}

	/** A DTS label from a name: letters, digits and '_', not starting with a digit ("apb-pclk" is apb_pclk). */
	static String label(String name) {
		String l = (name == null ? "clk" : name).replaceAll("[^A-Za-z0-9_]", "_");
		return l.isEmpty() || Character.isDigit(l.charAt(0)) ? "clk_" + l : l;
	}

	/** {@code wanted}, or it with _2, _3 … when {@code taken} has it; added to {@code taken}. */
	private static String unique(String wanted, Set<String> taken) {
		String name = wanted;
		for (int i = 2; !taken.add(name); i++) name = wanted + "_" + i;
		return name;
	}

	/**
	 * The register banks a domain gets as a guest of hardware-virtualized GPUs: bank OSID of the GPU (its start, as
	 * much as the board's 'mapped' says), mapped where the GPU's registers start. No interrupt: the GPU has one, shared by all OSIDs, and Xen routes it to the host.
	 */
	private List<PassthroughPlan> osidBanks(Domain d) {
		List<PassthroughPlan> out = new ArrayList<>();
		for (GpuShare g : s.getGpus()) {
			if (g.getMode() != GpuSharing.HARDWARE || g.getDevice() == null || g.getDevice().eIsProxy()) continue;
			for (GpuGuest x : g.getGuests()) {
				if (x.getDomain() != d || !x.isSetOsid()) continue;
				OsidBank.of(g.getDevice(), x.getOsid()).ifPresent(w -> {
					String path = g.getDevice().getDtPath();
					out.add(new PassthroughPlan(g.getDevice().getName(), path, nodeName(path), List.copyOf(g.getDevice().getCompatible()),
							List.of(range(w)), List.of(), false, x.getOsid(), List.of(), List.of(), null));
				});
			}
		}
		return out;
	}

	private static MmioRange range(OsidBank w) {
		return new MmioRange(w.base(), w.size(), w.guest());
	}

	/** A device's interrupts as the device tree numbers them: type 0 = SPI, 1 = PPI, then number and flags. */
	private static List<InterruptPlan> interrupts(Device dev) {
		return dev.getIrqs().stream().map(i -> new InterruptPlan(i.getType() == IrqType.SPI ? 0 : 1, i.getNumber(), i.getTrigger().getValue())).toList();
	}

	/** The last element of a device-tree path: the node's name in a partial device tree. */
	private static String nodeName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}
}
