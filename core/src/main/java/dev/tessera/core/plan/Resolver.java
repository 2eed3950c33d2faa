package dev.tessera.core.plan;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.board.IommuCoverage;
import dev.tessera.core.board.OsidBank;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/**
 * Turns a valid system into a {@link Plan}: domain ids, where each boot module and each piece of static memory
 * lies in RAM, Xen's command line, cpupools and passthrough. Run it after the rules found no error.
 */
public final class Resolver {
	/** Boot modules and Tessera-placed static memory are 2 MiB aligned, as Linux and Xen images want. */
	public static final long ALIGN = 2 * Sizes.MIB;
	/** Generated partial device trees are padded to this size (dtc -S), so their size is known before they exist. */
	public static final long PARTIAL_DTB_SIZE = 64 * Sizes.KIB;
	/** Room kept for the boot script (boot.scr) itself. */
	public static final long SCRIPT_SIZE = 256 * Sizes.KIB;
	/** Phandles Tessera gives nodes it creates with U-Boot commands; far above what dtc assigns. */
	public static final long PHANDLE_BASE = 0x7e5a0001L;
	public static final String DEFAULT_XEN_IMAGE = "xen";
	public static final String SCRIPT_FILE = "boot.scr";

	private final FileProbe probe;

	public Resolver(FileProbe probe) {
		this.probe = probe;
	}

	public Resolution resolve(System s) {
		Findings out = new Findings();
		Board b = s.getBoard();
		if (b == null || b.eIsProxy()) {
			out.report(ResolutionRules.NO_BOARD, s, SYSTEM__BOARD, "system '" + s.getName() + "' has no board it can run on");
			return new Resolution(null, out);
		}
		boolean dynamic = s.getBoot() != null && s.getBoot().getAddressing() == Addressing.DYNAMIC;

		FreeMemory free = new FreeMemory();
		b.getRam().forEach(r -> free.add(r.getBase(), r.getSize()));
		b.getReserved().forEach(r -> free.claim(r.getBase(), r.getSize()));
		for (Domain d : s.getDomains())
			for (StaticRegion r : d.getStaticMemory())
				if (r.isSetBase()) free.claim(r.getBase(), r.getSize() > 0 ? r.getSize() : d.getMemory());
		Map<Domain, List<MemoryRange>> staticMemory = placeStaticMemory(s, free, out);
		Map<Domain, List<SharedMemoryPlan>> shared = placeSharedMemory(s, free, out);

		long loadStart = s.getBoot() != null && s.getBoot().isSetLoadAddress() ? s.getBoot().getLoadAddress()
				: b.getRam().stream().mapToLong(RamBank::getBase).min().orElse(0);
		Placer placer = new Placer(free, Sizes.alignUp(loadStart, ALIGN), dynamic, out);

		BootModule script0 = null;
		if (dynamic) script0 = placer.place(SCRIPT_FILE, "script", new Sized(SCRIPT_SIZE, "generated"), s, "the boot script", "script");
		BootFile xenFile = s.getXen() != null ? s.getXen().getImage() : null;
		String xenPath = xenFile != null && xenFile.getPath() != null ? xenFile.getPath() : DEFAULT_XEN_IMAGE;
		BootModule xen = placer.place(xenPath, "xen", sizeOf(xenFile, xenPath, true, out), xenFile != null ? xenFile : s.getXen(),
				"Xen's image", "xen");
		BootModule script = script0 != null ? script0
				: placer.place(SCRIPT_FILE, "script", new Sized(SCRIPT_SIZE, "generated"), s, "the boot script", "script");
		// U-Boot packs dynamically placed files one after another from here: past the loader's areas and the script
		long dynamicStart = dynamic ? free.lowest(Sizes.alignUp(loadStart, ALIGN), ALIGN, ALIGN).orElse(Sizes.alignUp(loadStart, ALIGN))
				: Sizes.alignUp(loadStart, ALIGN);

		Map<String, CpupoolPlan> pools = cpupools(s, b);
		Map<Device, PassthroughPlan> passthrough = new LinkedHashMap<>();
		List<DomainPlan> boot = new ArrayList<>();
		List<DomainPlan> xl = new ArrayList<>();
		DomainPlan dom0 = null;
		int nextId = 1;
		List<Domain> order = new ArrayList<>();
		Systems.dom0(s).ifPresent(order::add);
		order.addAll(Systems.bootDomains(s));
		order.addAll(Systems.xlDomains(s));
		for (Domain d : order) {
			Start start = Systems.startOf(d);
			if (b.getArch() == Arch.ARM32 && d.getKernel() != null && d.getKernel().getPath() != null && start != Start.XL
					&& probe.isArm64Image(d.getKernel().getPath()))
				out.report(ResolutionRules.KERNEL_ARCH, d.getKernel(), BOOT_FILE__PATH, "the kernel of domain '" + d.getName() + "' ('"
						+ d.getKernel().getPath() + "') is an arm64 Image, but board '" + b.getName() + "' is 32-bit Arm: use a 32-bit kernel (zImage)");
			int id = start == Start.DOM0 ? 0 : nextId++;
			boolean loaded = start != Start.XL;
			String var = "d" + id;
			BootModule kernel = module(placer, d.getKernel(), "kernel", d, loaded, var + "k");
			BootModule ramdisk = module(placer, d.getRamdisk(), "ramdisk", d, loaded, var + "r");
			List<PassthroughPlan> devices = new ArrayList<>();
			for (Passthrough p : d.getPassthrough())
				if (p.getDevice() != null && !p.getDevice().eIsProxy())
					devices.add(passthrough.computeIfAbsent(p.getDevice(), dev -> passthroughPlan(b, dev)));
			devices.addAll(osidWindows(s, d));
			BootModule dtb = module(placer, d.getDeviceTree(), "device-tree", d, loaded, var + "t");
			boolean generatedDtb = false;
			if (dtb == null && !devices.isEmpty() && start != Start.DOM0) {
				generatedDtb = true;
				// dom0less domains take it as a boot module; xl domains read it from dom0's /etc/xen
				String file = loaded ? "passthrough/" + d.getName() + ".dtb" : d.getName() + ".dtb";
				dtb = loaded ? placer.place(file, "device-tree", new Sized(PARTIAL_DTB_SIZE, "generated"), d,
						"the partial device tree of domain '" + d.getName() + "'", var + "t")
						: new BootModule(file, "device-tree", -1, -1, "generated", var + "t");
			}
			List<Integer> pin = Systems.expand(d.getPin());
			DomainPlan plan = new DomainPlan(d.getName(), id, d.getRole().getLiteral(), start.getLiteral(),
					d.getOs().getLiteral(), d.getMemory(), d.getVcpus(), pin, d.getCmdline(), kernel, ramdisk, dtb,
					generatedDtb, d.isVuart(), d.isEnhanced(), d.isDirectMap(), staticMemory.getOrDefault(d, List.of()),
					d.getCpupool() != null ? pools.get(d.getCpupool().getName()) : null, devices,
					shared.getOrDefault(d, List.of()), FrontendPlans.of(s, d));
			switch (start) {
				case DOM0 -> dom0 = plan;
				case BOOT -> boot.add(plan);
				case XL -> xl.add(plan);
			}
		}
		List<DomainPlan> all = new ArrayList<>();
		if (dom0 != null) all.add(dom0);
		all.addAll(boot);
		all.addAll(xl);
		// Devices leave dom0's sight only when another domain takes them.
		List<String> hostPassthrough = new ArrayList<>();
		for (DomainPlan d : all)
			if (!"dom0".equals(d.start()))
				d.passthrough().stream().filter(p -> !p.window())
						.forEach(p -> { if (!hostPassthrough.contains(p.hostPath())) hostPassthrough.add(p.hostPath()); });

		Device console = s.getXen() != null ? s.getXen().getConsole() : null;
		String consolePath = console != null && !console.eIsProxy() ? console.getDtPath() : null;
		BootSettings bs = s.getBoot();
		Plan plan = new Plan(s.getName(), b.getName(), b.getArch().getLiteral(), Systems.xenVersion(s).toString(),
				xenOptions(s, dom0, consolePath), consolePath, xen, dom0, boot, xl, all, placer.loads(),
				new ArrayList<>(pools.values()), hostPassthrough, dynamic ? "dynamic" : "fixed",
				bs != null && bs.getLoadCommand() != null ? bs.getLoadCommand() : "tftpb",
				bs != null && bs.isPreloaded(), dynamicStart, script.address(), b.getDeviceTree(),
				gpus(s), dev.tessera.core.backends.Backends.startOrder(s).stream().map(Domain::getName).toList(), eventChannels(s));
		return new Resolution(out.hasErrors() ? null : plan, out);
	}

	private Map<Domain, List<MemoryRange>> placeStaticMemory(System s, FreeMemory free, Findings out) {
		Map<Domain, List<MemoryRange>> result = new LinkedHashMap<>();
		for (Domain d : s.getDomains()) {
			if (!d.isStaticAllocation()) continue;
			List<MemoryRange> ranges = new ArrayList<>();
			boolean placed = d.getStaticMemory().stream().anyMatch(StaticRegion::isSetBase);
			if (placed) {
				for (StaticRegion r : d.getStaticMemory())
					ranges.add(new MemoryRange(r.getBase(), r.getSize() > 0 ? r.getSize() : d.getMemory()));
			} else if (d.getMemory() > 0) {
				long size = Sizes.alignUp(d.getMemory(), ALIGN);
				OptionalLong base = free.highest(size, ALIGN);
				if (base.isEmpty()) {
					out.report(ResolutionRules.STATIC_FIT, d, DOMAIN__STATIC_ALLOCATION, "no free RAM holds the "
							+ Sizes.human(size) + " of static memory of domain '" + d.getName()
							+ "' (the largest free range is " + Sizes.human(free.largest()) + ")");
					continue;
				}
				free.claim(base.getAsLong(), size);
				ranges.add(new MemoryRange(base.getAsLong(), d.getMemory()));
			}
			result.put(d, ranges);
		}
		return result;
	}

	/** Shared regions with an address stay there; the others come from the top of free RAM, like static memory. */
	private Map<Domain, List<SharedMemoryPlan>> placeSharedMemory(System s, FreeMemory free, Findings out) {
		for (SharedMemory shm : s.getSharedMemory())
			if (shm.isSetBase()) free.claim(shm.getBase(), shm.getSize());
		Map<Domain, List<SharedMemoryPlan>> result = new LinkedHashMap<>();
		for (SharedMemory shm : s.getSharedMemory()) {
			long host;
			if (shm.isSetBase()) host = shm.getBase();
			else {
				long size = Sizes.alignUp(Math.max(shm.getSize(), 1), ALIGN);
				OptionalLong base = free.highest(size, ALIGN);
				if (base.isEmpty()) {
					out.report(ResolutionRules.STATIC_FIT, shm, NAMED__NAME, "no free RAM holds the " + Sizes.human(size)
							+ " of shared memory '" + shm.getName() + "' (the largest free range is " + Sizes.human(free.largest()) + ")");
					continue;
				}
				free.claim(base.getAsLong(), size);
				host = base.getAsLong();
			}
			List<ShmMapping> all = new ArrayList<>();
			if (shm.getOwner() != null) all.add(shm.getOwner());
			all.addAll(shm.getBorrowers());
			for (ShmMapping m : all) {
				if (m.getDomain() == null || m.getDomain().eIsProxy()) continue;
				long guest = m.isSetGuestAddress() ? m.getGuestAddress() : host;
				String role = m == shm.getOwner() ? "owner" : "borrower";
				result.computeIfAbsent(m.getDomain(), k -> new ArrayList<>())
						.add(new SharedMemoryPlan(shm.getName(), role, host, guest, shm.getSize()));
			}
		}
		return result;
	}

	private BootModule module(Placer placer, BootFile f, String kind, Domain d, boolean loaded, String var) {
		if (f == null || f.getPath() == null) return null;
		Sized size = sizeOf(f, f.getPath(), false, placer.out);
		String what = "the " + kind + " of domain '" + d.getName() + "'";
		if (!loaded) return new BootModule(f.getPath(), kind, -1, size == null ? -1 : size.bytes(), size == null ? "unknown" : size.source(), var);
		return placer.place(f.getPath(), kind, size, f, what, var);
	}

	private Sized sizeOf(BootFile f, String path, boolean image, Findings out) {
		OptionalLong measured = image ? probe.loadedSize(path) : probe.size(path);
		if (measured.isPresent()) {
			if (f != null && f.getMaxSize() > 0 && measured.getAsLong() > f.getMaxSize())
				out.report(ResolutionRules.MODULE_MAX, f, BOOT_FILE__PATH, "'" + path + "' is " + Sizes.human(measured.getAsLong())
						+ ", more than its declared maximum of " + Sizes.human(f.getMaxSize()) + ": raise the maximum");
			return new Sized(measured.getAsLong(), "file");
		}
		if (f != null && f.getMaxSize() > 0) return new Sized(f.getMaxSize(), "max");
		return null;
	}

	/** Phandles for event-channel nodes built with U-Boot commands, after the cpupools'. */
	static final long EVTCHN_PHANDLE_BASE = PHANDLE_BASE + 0x1000;

	private static List<EventChannelPlan> eventChannels(System s) {
		List<EventChannelPlan> out = new ArrayList<>();
		long ph = EVTCHN_PHANDLE_BASE;
		for (EventChannel e : s.getEventChannels()) {
			if (e.getA() == null || e.getA().eIsProxy() || e.getB() == null || e.getB().eIsProxy()) continue;
			String a = Systems.startOf(e.getA()) == Start.DOM0 ? null : e.getA().getName();
			String b = Systems.startOf(e.getB()) == Start.DOM0 ? null : e.getB().getName();
			out.add(new EventChannelPlan(e.getName(), a, e.getAPort(), evtchnPath(a, e.getAPort()), ph++, b, e.getBPort(),
					evtchnPath(b, e.getBPort()), ph++));
		}
		return out;
	}

	private static String evtchnPath(String domain, int port) {
		return "/chosen/" + (domain == null ? "" : domain + "/") + "evtchn@" + Integer.toHexString(port);
	}

	private static List<GpuPlan> gpus(System s) {
		List<GpuPlan> out = new ArrayList<>();
		for (GpuShare g : s.getGpus()) {
			if (g.getDevice() == null || g.getDevice().eIsProxy() || g.getHost() == null || g.getHost().eIsProxy()) continue;
			List<GpuPlan.Guest> guests = new ArrayList<>();
			for (GpuGuest x : g.getGuests())
				if (x.getDomain() != null && !x.getDomain().eIsProxy())
					guests.add(new GpuPlan.Guest(x.getDomain().getName(), x.isSetOsid() ? x.getOsid() : null,
							g.getMode() == GpuSharing.HARDWARE && x.isSetOsid() ? OsidBank.of(g.getDevice(), x.getOsid()).map(w -> new MmioRange(w.base(), w.size(), w.guest())).orElse(null) : null));
			out.add(new GpuPlan(g.getDevice().getName(), g.getDevice().getDtPath(), g.getMode().getLiteral(), g.getHost().getName(),
					interrupts(g.getDevice()), guests));
		}
		return out;
	}

	private static Map<String, CpupoolPlan> cpupools(System s, Board b) {
		Map<String, CpupoolPlan> pools = new LinkedHashMap<>();
		List<Cpu> cpus = Systems.cpus(b);
		long phandle = PHANDLE_BASE;
		for (Cpupool p : s.getCpupools()) {
			List<Integer> ids = Systems.expand(p.getCpus());
			List<String> paths = ids.stream().filter(i -> i < cpus.size()).map(i -> cpus.get(i).getDtPath()).toList();
			String sched = p.isSetScheduler() ? p.getScheduler().getLiteral() : null;
			pools.put(p.getName(), new CpupoolPlan(p.getName(), "cpupool-" + p.getName(), ids, paths, sched, phandle++));
		}
		return pools;
	}

	private static PassthroughPlan passthroughPlan(Board b, Device dev) {
		String path = dev.getDtPath();
		List<MmioRange> regs = dev.getRegs().stream().map(r -> new MmioRange(r.getBase(), r.getSize(), r.getBase())).toList();
		return new PassthroughPlan(dev.getName(), path, nodeName(path), List.copyOf(dev.getCompatible()), regs, interrupts(dev),
				IommuCoverage.covered(b, dev), null);
	}

	/** A device's interrupts as the device tree numbers them: type 0 = SPI, 1 = PPI, then number and flags. */
	private static List<InterruptPlan> interrupts(Device dev) {
		return dev.getIrqs().stream()
				.map(i -> new InterruptPlan(i.getType() == IrqType.SPI ? 0 : 1, i.getNumber(), i.getTrigger().getValue())).toList();
	}

	/** The last element of a device-tree path: the node's name in a partial device tree. */
	private static String nodeName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * The register banks a domain gets as a guest of hardware-virtualized GPUs: bank OSID of the GPU, mapped where
	 * the GPU's registers start. No interrupt: the GPU has one, shared by all OSIDs, and Xen routes it to the host.
	 */
	private static List<PassthroughPlan> osidWindows(System s, Domain d) {
		List<PassthroughPlan> out = new ArrayList<>();
		for (GpuShare g : s.getGpus()) {
			if (g.getMode() != GpuSharing.HARDWARE || g.getDevice() == null || g.getDevice().eIsProxy()) continue;
			for (GpuGuest x : g.getGuests()) {
				if (x.getDomain() != d || !x.isSetOsid()) continue;
				OsidBank.of(g.getDevice(), x.getOsid()).ifPresent(w -> {
					String path = g.getDevice().getDtPath();
					out.add(new PassthroughPlan(g.getDevice().getName(), path, nodeName(path),
							List.copyOf(g.getDevice().getCompatible()), List.of(new MmioRange(w.base(), w.size(), w.guest())), List.of(), false, x.getOsid()));
				});
			}
		}
		return out;
	}

	/** Xen's command line: console, dom0's share, scheduler, then what the user adds, which may override. */
	private static List<String> xenOptions(System s, DomainPlan dom0, String consolePath) {
		List<String> o = new ArrayList<>();
		if (consolePath != null) {
			o.add("console=dtuart");
			o.add("dtuart=" + consolePath);
		}
		if (dom0 != null) {
			o.add("dom0_mem=" + dom0.memoryMib() + "M");
			o.add("dom0_max_vcpus=" + dom0.vcpus());
			if (!dom0.pin().isEmpty()) o.add("dom0_vcpus_pin");
		}
		XenSettings x = s.getXen();
		if (x != null && x.isSetScheduler()) o.add("sched=" + x.getScheduler().getLiteral());
		if (x != null && x.isHmpUnsafe()) o.add("hmp-unsafe=true");
		if (x != null && x.getCmdline() != null && !x.getCmdline().isBlank()) o.add(x.getCmdline().trim());
		return o;
	}

	record Sized(long bytes, String source) {
	}

	/** Places modules one after another in free RAM, loading a file named twice only once. */
	private static final class Placer {
		private final FreeMemory free;
		private final long from;
		private final boolean dynamic;
		private final Findings out;
		private final Map<String, BootModule> byFile = new LinkedHashMap<>();

		Placer(FreeMemory free, long from, boolean dynamic, Findings out) {
			this.free = free;
			this.from = from;
			this.dynamic = dynamic;
			this.out = out;
		}

		BootModule place(String file, String kind, Sized size, org.eclipse.emf.ecore.EObject at, String what, String var) {
			BootModule known = byFile.get(file);
			if (known != null) return known;
			BootModule m;
			if (dynamic && !"script".equals(kind)) {
				m = new BootModule(file, kind, -1, size == null ? -1 : size.bytes(), size == null ? "boot" : size.source(), var);
			} else if (size == null) {
				out.report(ResolutionRules.MODULE_SIZE, at, at instanceof BootFile ? BOOT_FILE__PATH : null, what + " ('"
						+ file + "') is not in the files folder and declares no maximum: add the file, write 'max <size>', "
						+ "or use 'addressing dynamic'");
				m = new BootModule(file, kind, -1, -1, "unknown", var);
			} else {
				OptionalLong base = free.lowest(from, size.bytes(), ALIGN);
				if (base.isEmpty()) {
					out.report(ResolutionRules.MODULE_FIT, at, at instanceof BootFile ? BOOT_FILE__PATH : null, what + " ('"
							+ file + "', " + Sizes.human(size.bytes()) + ") does not fit in the free RAM above "
							+ Sizes.hex(from) + " (the largest free range is " + Sizes.human(free.largest()) + ")");
					m = new BootModule(file, kind, -1, size.bytes(), size.source(), var);
				} else {
					free.claim(base.getAsLong(), Sizes.alignUp(size.bytes(), ALIGN));
					m = new BootModule(file, kind, base.getAsLong(), size.bytes(), size.source(), var);
				}
			}
			byFile.put(file, m);
			return m;
		}

		List<BootModule> loads() {
			return byFile.values().stream().filter(m -> !"script".equals(m.kind())).toList();
		}
	}
}
