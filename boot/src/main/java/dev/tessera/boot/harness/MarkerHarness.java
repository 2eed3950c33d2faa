package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerInitramfs;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.marker.MarkerScripts;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.FrontendPlan;
import dev.tessera.core.plan.MemoryRange;
import dev.tessera.core.plan.MmioRange;
import dev.tessera.core.plan.PassthroughPlan;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.plan.SharedMemoryPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.DiskFrontend;
import dev.tessera.model.Domain;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.Role;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.pipeline.BootOverrides;

/**
 * The harness's own guests: every kernel a system names becomes Debian's arm64 Linux, every ramdisk the marker
 * initramfs, and each domain's command line asks that initramfs to report what the system declared about it
 * (memory, CPUs, static memory, passed-through devices, shared memory; for dom0, the xl domains and cpupools).
 */
final class MarkerHarness {
	/** dom0's own initramfs when it carries the xl tools and the xl domains' files; padded to this size. */
	static final String DOM0_RAMDISK = "tess-dom0.cpio.gz";
	static final long DOM0_RAMDISK_SIZE = 120 * Sizes.MIB;
	static final String RAMDISK = "tess-initrd.cpio.gz";
	/**
	 * The xl domains' initramfs when an xl domain is a driver domain: with the xl tools (DomD runs xl devd) and the
	 * split-driver modules (DomD loads the backends, guests the frontends).
	 */
	static final String XL_RAMDISK = "tess-xl.cpio.gz";
	/**
	 * The initramfs of domains Xen starts at boot that serve PV devices or are served them by a driver domain: like
	 * {@link #XL_RAMDISK}, with the xl tools and the split-driver modules.
	 */
	static final String PV_RAMDISK = "tess-pv.cpio.gz";

	private MarkerHarness() {
	}

	/** Whether dom0 must run xl: to start xl domains, to attach PV devices of boot domains, or to report cpupools. */
	static boolean dom0NeedsXl(System s) {
		return Systems.dom0(s).isPresent() && (!Systems.xlDomains(s).isEmpty() || !s.getCpupools().isEmpty() || attachesAtBoot(s));
	}

	/** Whether dom0's generated xl/start-domains.sh attaches PV devices of domains Xen started at boot. */
	static boolean attachesAtBoot(System s) {
		return Systems.bootDomains(s).stream().anyMatch(d -> !d.getFrontends().isEmpty());
	}

	/** What every domain boots instead of what the system says: the marker command line and ramdisk. */
	static BootOverrides overrides(System s) {
		return overrides(s, SystemBooter.Dom0Extras.NONE);
	}

	static BootOverrides overrides(System s, SystemBooter.Dom0Extras extras) {
		BootOverrides.Builder result = BootOverrides.builder();
		boolean xl = dom0NeedsXl(s) || extras.any();
		List<Domain> xlDrivers = xlDriverDomains(s);
		// every driver domain the harness makes serve: started with xl, or by Xen at boot with its PV interfaces
		List<Domain> drivers = servingDrivers(s);
		List<Domain> boot = Systems.bootDomains(s);
		List<VifRef> vifs = new ArrayList<>();
		for (Domain d : s.getDomains()) {
			int index = 0;
			for (var f : d.getFrontends())
				if (f instanceof NetFrontend n) {
					if (drivers.contains(n.getBackend())) vifs.add(new VifRef(d.getName(), index, n.getBackend().getName(), n.getBridge(), n.getMac()));
					index++;
				}
		}
		List<NetLink> links = netLinks(vifs);
		for (Domain d : s.getDomains()) {
			Start start = Systems.startOf(d);
			List<String> args = new ArrayList<>();
			args.add(start == Start.BOOT && d.isVuart() ? "console=ttyAMA0" : "console=hvc0");
			args.add("rdinit=/init");
			args.add("guest=" + d.getName());
			if (start == Start.DOM0) {
				args.add("tess_dom0=1");
				if (!s.getCpupools().isEmpty()) args.add("tess_xl=cpupool-list");
				List<String> xlNames = Systems.xlDomains(s).stream().map(Domain::getName).toList();
				if (!xlNames.isEmpty()) args.add("tess_xlcreate=" + String.join(",", xlNames));
				// a driver domain must serve (xl devd running) before the domains it serves are created
				if (!xlDrivers.isEmpty()) args.add("tess_xlwait=" + String.join(",", xlDrivers.stream().map(Domain::getName).toList()));
				// PV devices of boot domains: dom0 waits until the boot driver domains serve (their domain ids: Xen
				// numbers boot domains 1, 2, ... in the order of /chosen), then runs the generated xl/start-domains.sh
				if (attachesAtBoot(s)) {
					args.add("tess_start=1");
					List<String> ids = boot.stream().filter(drivers::contains).map(b -> String.valueOf(boot.indexOf(b) + 1)).toList();
					if (!ids.isEmpty()) args.add("tess_servewait=" + String.join(",", ids));
				}
				args.addAll(extras.args());
			}
			if (d.isDirectMap()) args.add("tess_iomem=1");
			// a boot domain with PV interfaces gets xenstore only once dom0 ran init-dom0less
			if (start == Start.BOOT && d.isEnhanced() && usesPv(d, drivers)) args.add("tess_latexs=1");
			if (drivers.contains(d)) {
				args.add("tess_domd=1");
				List<String> images = new ArrayList<>();
				for (Domain other : s.getDomains())
					for (DiskFrontend f : disksServedBy(other, drivers))
						if (f.getBackend() == d) images.add(f.getTarget());
				if (!images.isEmpty()) args.add("tess_diskimg=" + String.join(",", images));
				// the bridges its vifs join, with an address each, and which guest MAC must come in on a vif port of which
				List<String> bridges = new ArrayList<>(), ports = new ArrayList<>();
				for (NetLink l : links)
					if (l.backend().equals(d.getName())) {
						String br = l.bridge() + ":" + l.backendAddress();
						if (!bridges.contains(br)) bridges.add(br);
						ports.add(l.bridge() + ":" + l.macOrAny());
					}
				if (!bridges.isEmpty()) args.add("tess_br=" + String.join(",", bridges));
				if (!ports.isEmpty()) args.add("tess_brif=" + String.join(",", ports));
			}
			List<String> nets = links.stream().filter(l -> l.guest().equals(d.getName()))
					.map(l -> l.iface() + "/" + l.guestAddress() + "/" + l.backendAddress()).toList();
			if (!nets.isEmpty()) args.add("tess_net=" + String.join(",", nets));
			List<String> vdevs = disksServedBy(d, drivers).stream().map(DiskFrontend::getVdev).toList();
			if (!vdevs.isEmpty()) args.add("tess_disk=" + String.join(",", vdevs));
			// a boot domain's devices come once dom0 attaches them, after init-dom0less and the driver domain's start
			if (start == Start.BOOT && (!vdevs.isEmpty() || !nets.isEmpty())) args.add("tess_pvwait=150");
			List<String> dt = new ArrayList<>();
			for (var p : d.getPassthrough())
				if (p.getDevice() != null && p.getDevice().getDtPath() != null)
					dt.add("/passthrough/" + p.getDevice().getDtPath().substring(p.getDevice().getDtPath().lastIndexOf('/') + 1));
			if (!dt.isEmpty() && start != Start.DOM0) args.add("tess_dtreg=" + String.join(",", dt));
			for (var shm : s.getSharedMemory()) {
				java.util.List<dev.tessera.model.ShmMapping> all = new ArrayList<>(shm.getBorrowers());
				if (shm.getOwner() != null) all.add(0, shm.getOwner());
				for (var m : all) {
					if (m.getDomain() != d) continue;
					Long guest = m.isSetGuestAddress() ? m.getGuestAddress() : shm.isSetBase() ? shm.getBase() : null;
					if (guest != null) args.add((m == shm.getOwner() ? "tess_shmw=" : "tess_shmr=") + Sizes.hex(guest));
				}
			}
			String ramdisk = start == Start.DOM0 && xl ? DOM0_RAMDISK : start == Start.BOOT && usesPv(d, drivers) ? PV_RAMDISK : RAMDISK;
			if (start == Start.XL) ramdisk = "/var/lib/tessera/" + (drivers.isEmpty() ? RAMDISK : XL_RAMDISK);
			result.domain(d.getName(), new BootOverrides.ForDomain(String.join(" ", args), start == Start.XL ? "/var/lib/tessera/Image" : null,
					ramdisk, start == Start.DOM0 && xl ? DOM0_RAMDISK_SIZE : 0));
		}
		return result.build();
	}

	/** The xl domains that are driver domains: the harness makes them serve their backends with xl devd. */
	static List<Domain> xlDriverDomains(System s) {
		return Systems.xlDomains(s).stream().filter(d -> d.getRole() == Role.DRIVER).toList();
	}

	/**
	 * The driver domains the harness makes serve their backends with xl devd: those started with xl, and those Xen
	 * starts at boot with PV interfaces (xen-enhanced), which get xenstore from dom0's init-dom0less.
	 */
	static List<Domain> servingDrivers(System s) {
		return s.getDomains().stream().filter(d -> d.getRole() == Role.DRIVER
				&& (Systems.startOf(d) == Start.XL || Systems.startOf(d) == Start.BOOT && d.isEnhanced())).toList();
	}

	/** Whether a domain serves PV devices or is served some by one of those driver domains. */
	private static boolean usesPv(Domain d, List<Domain> drivers) {
		return drivers.contains(d) || d.getFrontends().stream().anyMatch(f -> drivers.contains(f.getBackend()));
	}

	/** The same from a plan: a driver domain started with xl, or by Xen at boot with PV interfaces. */
	static boolean servingDriver(DomainPlan d) {
		return d.driverDomain() && ("xl".equals(d.start()) || "at-boot".equals(d.start()) && d.enhanced());
	}

	/** A guest's vif that a driver domain serves: the guest's index-th vif (so its eth&lt;index&gt;). */
	record VifRef(String guest, int index, String backend, String bridge, String mac) {
	}

	/**
	 * A served vif with the addresses the harness gives both ends: the driver domain's bridge gets
	 * 192.168.(77+k).1/24 (k counts the driver domains' bridges), each guest interface on it the next address.
	 */
	record NetLink(String guest, String iface, String backend, String bridge, String mac, String backendAddress, String guestAddress) {
		/** What the driver domain's check looks for in its bridge's forwarding table. */
		String macOrAny() {
			return mac != null ? mac.toLowerCase(java.util.Locale.ROOT) : "any";
		}
	}

	/** libxl's default bridge when a vif names none. */
	static final String DEFAULT_BRIDGE = "xenbr0";

	static List<NetLink> netLinks(List<VifRef> vifs) {
		java.util.Map<String, Integer> subnet = new java.util.LinkedHashMap<>(), used = new java.util.HashMap<>();
		List<NetLink> out = new ArrayList<>();
		for (VifRef v : vifs) {
			String bridge = v.bridge() != null ? v.bridge() : DEFAULT_BRIDGE;
			String key = v.backend() + "/" + bridge;
			int k = subnet.computeIfAbsent(key, x -> subnet.size());
			int host = used.merge(key, 1, Integer::sum) + 1;
			String net = "192.168." + (77 + k) + ".";
			out.add(new NetLink(v.guest(), "eth" + v.index(), v.backend(), bridge, v.mac(), net + "1", net + host));
		}
		return out;
	}

	/** The same links from a plan: vifs of any domain whose backend is one of those driver domains. */
	static List<NetLink> netLinks(Plan plan) {
		List<VifRef> vifs = new ArrayList<>();
		for (DomainPlan d : plan.domains()) {
			int index = 0;
			for (FrontendPlan f : d.frontendsOf("vif")) {
				DomainPlan be = plan.domains().stream().filter(x -> x.name().equals(f.backend())).findFirst().orElse(null);
				if (be != null && servingDriver(be)) vifs.add(new VifRef(d.name(), index, be.name(), setting(f, "bridge"), setting(f, "mac")));
				index++;
			}
		}
		return netLinks(vifs);
	}

	/** A domain's disks that one of those driver domains serves from an image file (which the harness makes). */
	private static List<DiskFrontend> disksServedBy(Domain d, List<Domain> drivers) {
		List<DiskFrontend> out = new ArrayList<>();
		for (var f : d.getFrontends())
			if (f instanceof DiskFrontend disk && disk.getTarget() != null && !disk.getTarget().startsWith("/dev/") && drivers.contains(disk.getBackend())) out.add(disk);
		return out;
	}

	/**
	 * Writes the files the boot loads before anything is generated, from the system and what it boots instead: Xen,
	 * Debian's kernel under every name the system gives a kernel Xen or the boot loader loads, the ramdisks.
	 */
	static void writeBootFiles(System s, BootOverrides overrides, Path files, Path xen, BootAssets assets) throws IOException {
		Files.createDirectories(files);
		link(xen, files.resolve(xenFile(s)));
		Set<String> kernels = new LinkedHashSet<>();
		for (Domain d : s.getDomains())
			if (Systems.startOf(d) != Start.XL && d.getKernel() != null && d.getKernel().getPath() != null) kernels.add(d.getKernel().getPath());
		for (String k : kernels) link(assets.linuxImage(), inside(files, k));
		MarkerInitramfs.builder(assets.busybox()).withHook().build().writeTo(files.resolve(RAMDISK));
		boolean pv = s.getDomains().stream().anyMatch(d -> overrides.of(d.getName()) != null && PV_RAMDISK.equals(overrides.of(d.getName()).ramdisk()));
		if (pv) {
			requireNetAssets(s, assets);
			MarkerInitramfs.builder(assets.busybox()).withXenTools(assets.xenToolsRoot(), assets.linuxXenModules())
					.withHook().build().writeTo(files.resolve(PV_RAMDISK));
		}
	}

	/** The name the boot loader loads Xen by. */
	static String xenFile(System s) {
		return s.getXen() != null && s.getXen().getImage() != null && s.getXen().getImage().getPath() != null ? s.getXen().getImage().getPath()
				: dev.tessera.core.plan.Resolver.DEFAULT_XEN_IMAGE;
	}

	/** The vifs a serving driver domain serves need the network modules and Debian's vif-bridge with its bash. */
	private static void requireNetAssets(System s, BootAssets assets) throws IOException {
		List<Domain> drivers = servingDrivers(s);
		boolean served = s.getDomains().stream().anyMatch(d -> d.getFrontends().stream().anyMatch(f -> f instanceof NetFrontend && drivers.contains(f.getBackend())));
		if (served) requireNetFiles(assets);
	}

	private static void requireNetAssets(Plan plan, BootAssets assets) throws IOException {
		if (!netLinks(plan).isEmpty()) requireNetFiles(assets);
	}

	private static void requireNetFiles(BootAssets assets) throws IOException {
		for (Path p : List.of(assets.linuxXenModules().resolve("xen-netback.ko"), assets.linuxXenModules().resolve("bridge.ko"),
				assets.xenHotplugScripts().resolve("vif-bridge"), assets.xenToolsRoot().resolve("bin/bash")))
			if (!Files.exists(p)) throw new IOException(p + " is missing: the boot assets predate vifs served by a driver domain; run e2e/assets.sh");
	}

	/** dom0's initramfs: the xl tools, the generated xl configs and partial device trees, the xl domains' files. */
	static void writeDom0Ramdisk(Plan plan, Path out, Path files, BootAssets assets, java.util.Map<String, byte[]> extraFiles) throws IOException {
		MarkerInitramfs.Builder b = MarkerInitramfs.builder(assets.busybox()).withXenTools(assets.xenToolsRoot(), assets.linuxXenModules())
				.withHook();
		for (DomainPlan d : plan.xlDomains()) {
			b.file("/etc/xen/" + d.name() + ".cfg", Files.readAllBytes(out.resolve("xl/" + d.name() + ".cfg")), 0644);
			if (d.generatedDeviceTree())
				b.file("/etc/xen/" + d.deviceTree().file(), Files.readAllBytes(out.resolve("xl/" + d.deviceTree().file())), 0644);
		}
		// the generated start script, run unchanged when it attaches PV devices of boot domains
		if (Files.exists(out.resolve("xl/start-domains.sh")))
			b.file("/etc/xen/start-domains.sh", Files.readAllBytes(out.resolve("xl/start-domains.sh")), 0755);
		for (var e : new java.util.TreeMap<>(extraFiles).entrySet()) b.file(e.getKey(), e.getValue(), 0644);
		if (!plan.xlDomains().isEmpty()) {
			b.file("/var/lib/tessera/Image", Files.readAllBytes(assets.linuxImage()), 0644);
			b.file("/var/lib/tessera/" + RAMDISK, Files.readAllBytes(files.resolve(RAMDISK)), 0644);
		}
		if (plan.xlDomains().stream().anyMatch(d -> d.ramdisk() != null && d.ramdisk().file().endsWith("/" + XL_RAMDISK))) {
			requireNetAssets(plan, assets);
			MarkerInitramfs.builder(assets.busybox()).withXenTools(assets.xenToolsRoot(), assets.linuxXenModules())
					.withHook().build().writeTo(files.resolve(XL_RAMDISK));
			b.file("/var/lib/tessera/" + XL_RAMDISK, Files.readAllBytes(files.resolve(XL_RAMDISK)), 0644);
		}
		Path ramdisk = files.resolve(DOM0_RAMDISK);
		b.build().writeTo(ramdisk);
		long size = Files.size(ramdisk);
		if (size > DOM0_RAMDISK_SIZE) throw new IOException("dom0's initramfs is " + size + " bytes, more than the "
				+ DOM0_RAMDISK_SIZE + " planned for it");
		// Pad with zeros to the planned size: the module's size in /chosen is exact, and Linux skips the zeros.
		try (var ch = java.nio.channels.FileChannel.open(ramdisk, java.nio.file.StandardOpenOption.WRITE)) {
			ch.write(java.nio.ByteBuffer.wrap(new byte[1]), DOM0_RAMDISK_SIZE - 1);
		}
	}

	/** What every domain must report for the boot to pass. */
	static List<ExpectedMarker> expected(Plan plan) {
		List<ExpectedMarker> out = new ArrayList<>();
		List<NetLink> links = netLinks(plan);
		for (DomainPlan d : plan.domains()) {
			out.add(ExpectedMarker.up(d.name()));
			out.add(ExpectedMarker.of(d.name(), MarkerKind.CPUS, "n=" + d.vcpus()));
			if (d.directMap())
				for (MemoryRange r : d.staticMemory())
					out.add(ExpectedMarker.of(d.name(), MarkerKind.IOMEM, String.format("%08x-%08x : System RAM", r.base(), r.end() - 1)));
			for (PassthroughPlan p : d.passthrough())
				out.add(ExpectedMarker.of(d.name(), MarkerKind.DTREG, "/passthrough/" + p.nodeName() + " " + regHex(p)));
			for (SharedMemoryPlan m : d.sharedMemory())
				out.add(ExpectedMarker.of(d.name(), MarkerKind.SHM, "owner".equals(m.role()) ? "wrote" : "read " + Sizes.hex(m.guestAddress()) + " " + MarkerScripts.SHM_WORD));
			// a disk a driver domain serves: the domain reads the image's first line from it
			for (FrontendPlan f : d.frontendsOf("disk")) {
				DomainPlan be = plan.domains().stream().filter(x -> x.name().equals(f.backend())).findFirst().orElse(null);
				String vdev = setting(f, "vdev"), target = setting(f, "target");
				if (be != null && servingDriver(be) && vdev != null && target != null && !target.startsWith("/dev/"))
					out.add(ExpectedMarker.of(d.name(), MarkerKind.DISK, vdev + " " + MarkerScripts.DISK_TEXT + " " + target));
			}
			// a vif a driver domain serves: the guest pings the bridge's address through it, and the
			// driver domain finds the guest's MAC learnt on a vif port of the bridge the xl config names
			Set<String> bridges = new LinkedHashSet<>();
			for (NetLink l : links) {
				if (l.backend().equals(d.name()) && bridges.add(l.bridge()))
					out.add(ExpectedMarker.of(d.name(), MarkerKind.BRIDGE, l.bridge() + " " + l.backendAddress() + "/24"));
				if (l.guest().equals(d.name()))
					out.add(ExpectedMarker.of(d.name(), MarkerKind.NET, "ping " + l.backendAddress() + " from " + l.iface() + (l.mac() != null ? " " + l.macOrAny() : "")));
				if (l.backend().equals(d.name())) out.add(ExpectedMarker.of(d.name(), MarkerKind.BRIF, " connected " + l.bridge() + " " + l.macOrAny()));
			}
			out.add(ExpectedMarker.done(d.name()));
		}
		// dom0 ran the generated start script, which attached the PV devices of the boot domains; those got xenstore late
		if (plan.dom0() != null && plan.bootDomains().stream().anyMatch(d -> !d.frontends().isEmpty()))
			out.add(ExpectedMarker.of(plan.dom0().name(), MarkerKind.START, "ok"));
		for (DomainPlan d : plan.bootDomains())
			if (d.enhanced() && (servingDriver(d) || d.frontends().stream().anyMatch(f -> plan.domains().stream()
					.anyMatch(be -> be.name().equals(f.backend()) && servingDriver(be)))))
				out.add(ExpectedMarker.of(d.name(), MarkerKind.XS, "xenbus up"));
		if (plan.dom0() != null)
			for (var pool : plan.cpupools()) {
				// xl cpupool-list: name, CPUs, scheduler, active, domain count
				long members = plan.domains().stream().filter(d -> d.cpupool() != null && d.cpupool().name().equals(pool.name())).count();
				out.add(ExpectedMarker.of(plan.dom0().name(), MarkerKind.XLOUT, " " + pool.cpus().size() + " "
						+ (pool.scheduler() != null ? pool.scheduler() : "") + " y " + members));
			}
		return out;
	}

	/**
	 * What markers cannot say by their presence: each domain's memory as its kernel sees it (MemTotal, less than
	 * what Xen gave it by what the kernel keeps for itself) lies between half of and all of the declared memory.
	 */
	static List<String> check(Plan plan, dev.tessera.boot.qemu.BootResult result) {
		List<String> problems = new ArrayList<>();
		for (DomainPlan d : plan.domains()) {
			var mem = result.marker(d.name(), MarkerKind.MEM);
			if (mem.isEmpty()) {
				problems.add(d.name() + " reported no memory");
				continue;
			}
			long kib = mem.get().longField("kib");
			if (kib > d.memoryKib() || kib < d.memoryKib() / 2)
				problems.add(d.name() + " sees " + kib + " KiB of memory, declared " + d.memoryKib() + " KiB");
		}
		return problems;
	}

	private static String setting(FrontendPlan f, String key) {
		return f.settings().stream().filter(x -> x.key().equals(key)).map(FrontendPlan.Setting::value).findFirst().orElse(null);
	}

	private static String regHex(PassthroughPlan p) {
		StringBuilder sb = new StringBuilder();
		for (MmioRange r : p.regs()) sb.append(String.format("%016x%016x", r.guest(), r.size()));
		return sb.toString();
	}

	static Path inside(Path dir, String relative) throws IOException {
		Path p = dir.resolve(relative.startsWith("/") ? relative.substring(1) : relative).normalize();
		if (!p.startsWith(dir)) throw new IOException("file name '" + relative + "' leaves the files folder");
		return p;
	}

	static void link(Path target, Path link) throws IOException {
		Files.createDirectories(link.getParent());
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, target.toAbsolutePath());
	}
}
