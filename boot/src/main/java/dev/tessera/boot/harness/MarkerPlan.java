package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tessera.boot.harness.NetLinks.NetLink;
import dev.tessera.core.backends.Backends;
import dev.tessera.core.resolve.Resolver;
import dev.tessera.core.sched.Schedules;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Scheduler;
import dev.tessera.model.ShmMapping;
import dev.tessera.model.SharedMemory;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.pipeline.BootOverrides;

/**
 * A marker boot of a system, decided once from the loaded system before anything is generated: every kernel becomes
 * Debian's arm64 Linux, every ramdisk a marker initramfs, and each domain's command line asks that initramfs to report
 * what the system declared about it. This says, domain by domain, what it boots instead and which checks it runs;
 * which driver domains the harness makes serve and the vifs they serve; which files the boot loads. The pipeline
 * gets {@link #overrides()} before validation, so the rules and the resolver see exactly what boots, and the
 * expected markers ({@link ExpectedMarkers}) follow from the same decisions.
 *
 * @param guests  every domain, in the system's order
 * @param links   every vif a serving driver domain serves, with both ends' addresses
 * @param dom0Xl  dom0 runs xl (and so gets {@link Ramdisk#DOM0}, made after generation)
 * @param xenFile the name the boot loader loads Xen by
 * @param kernels the kernel names Xen or the boot loader loads (the harness's Linux under each)
 * @param sizes   what the initramfs made after generation are padded to
 * @param arinc653 the system has an ARINC 653 pool: dom0's start script runs tessera-sched, which its initramfs gets
 */
record MarkerPlan(List<Guest> guests, List<NetLink> links, boolean dom0Xl, String xenFile, Set<String> kernels, PaddedSizes sizes,
		boolean arinc653) {

	/** What a burner domain boots instead of Linux: an arm64 Image that branches to itself (BootAssets.TESSERA_BURNER). */
	static final String BURNER = "tess-burner.img";

	/** What the initramfs made after generation ({@link Ramdisk#padded()}) are padded to, planned as their maximum. */
	record PaddedSizes(long dom0, long driver) {
		long of(Ramdisk r) {
			return r == Ramdisk.DOM0 ? dom0 : r == Ramdisk.DRIVER ? driver : 0;
		}
	}

	/**
	 * One domain as the harness boots it: its ramdisk (and the size it is padded to) and the checks its command line asks
	 * for; {@code extraArgs} what the caller adds ({@link MarkerExtras#domainArgs()}); {@code burner}: it boots the burner
	 * instead of Linux ({@link MarkerExtras#burners()}), which reports nothing.
	 */
	record Guest(String name, Start start, boolean vuart, Dom0Duties dom0, boolean iomem, boolean lateXenstore,
			Serving serving, List<NetLink> nets, List<ServedDisk> disks, List<String> dtreg, List<String> gpio, List<ShmAccess> shm, Ramdisk ramdisk,
			long ramdiskMax, List<String> extraArgs, boolean burner) {
		/** What it boots instead of what the system says. */
		BootOverrides.ForDomain override() {
			String kernel = burner ? BURNER : start == Start.XL ? Ramdisk.XL_KERNEL : null;
			return new BootOverrides.ForDomain(CommandLines.of(this), kernel, ramdisk.pathFor(start), ramdiskMax);
		}

		/** Its PV devices come once dom0 attaches them: it waits for them longer. */
		boolean waitsForPv() {
			return start == Start.BOOT && (!disks.isEmpty() || !nets.isEmpty());
		}
	}

	/**
	 * What dom0 does beyond reporting: {@code xl cpupool-list}; run the generated {@code xl/start-domains.sh} unchanged
	 * (it creates the xl domains and attaches the boot domains' PV devices, each once its driver domain serves, by its
	 * own waits); relay the xl domains' consoles; the extras.
	 */
	record Dom0Duties(boolean cpupoolList, List<String> relay, boolean startScript, List<String> extraArgs) {
	}

	/**
	 * A driver domain the harness makes serve by running the generated serve script: the disk images it writes and the
	 * bridges it makes first (the image's part), the vifs it serves.
	 */
	record Serving(List<String> diskImages, List<NetLink> links) {
		/** The bridges its vifs join, each once, as BRIDGE:ADDRESS. */
		List<String> bridges() {
			Set<String> out = new LinkedHashSet<>();
			for (NetLink l : links) out.add(l.bridge() + ":" + l.backendAddress());
			return List.copyOf(out);
		}
	}

	/** A disk a serving driver domain serves from an image file (which it writes): the guest's vdev and the image. */
	record ServedDisk(String vdev, String image) {
	}

	/** Static shared memory the domain writes (its owner) or reads (a borrower), at its guest address. */
	record ShmAccess(boolean owner, long guestAddress) {
	}

	/** The sizes arm64 boots pad to ({@link Platform}). */
	static MarkerPlan of(System s, MarkerExtras extras) {
		return of(s, extras, new PaddedSizes(Platform.DOM0_RAMDISK_ARM64, Platform.DRIVER_RAMDISK_ARM64));
	}

	static MarkerPlan of(System s, MarkerExtras extras, PaddedSizes sizes) {
		boolean xl = dom0NeedsXl(s) || extras.any();
		for (String b : extras.burners())
			if (s.getDomains().stream().noneMatch(d -> d.getName().equals(b) && Systems.startOf(d) == Start.BOOT))
				throw new IllegalArgumentException("no domain '" + b + "' that Xen starts at boot to burn CPU in");
		DriverDomains drivers = DriverDomains.of(s);
		List<NetLink> links = NetLinks.of(drivers.vifs());
		List<Guest> guests = new ArrayList<>();
		for (Domain d : s.getDomains()) {
			Start start = Systems.startOf(d);
			Serving serving = drivers.serves(d)
					? new Serving(drivers.imagesServedBy(d), links.stream().filter(l -> l.backend().equals(d.getName())).toList())
					: null;
			List<NetLink> nets = links.stream().filter(l -> l.guest().equals(d.getName())).toList();
			List<ServedDisk> disks = drivers.disksOf(d).stream().map(f -> new ServedDisk(f.getVdev(), f.getTarget())).toList();
			boolean pv = drivers.usesPv(d);
			Ramdisk ramdisk = start == Start.DOM0 && xl ? Ramdisk.DOM0
					: start == Start.BOOT && serving != null ? Ramdisk.DRIVER
					: start == Start.BOOT && pv ? Ramdisk.PV
					: start == Start.XL && !drivers.serving().isEmpty() ? Ramdisk.XL : Ramdisk.PLAIN;
			// a boot domain with PV interfaces gets xenstore only once dom0 ran init-dom0less
			boolean lateXenstore = start == Start.BOOT && Backends.hasXenstore(s, d) && pv;
			guests.add(new Guest(d.getName(), start, d.isVuart(), start == Start.DOM0 ? dom0Duties(s, extras) : null, d.isDirectMap(),
					lateXenstore, serving, nets, disks, start == Start.DOM0 ? List.of() : passedThrough(d), start == Start.DOM0 ? List.of() : gpios(d),
					shmAccesses(s, d), ramdisk, sizes.of(ramdisk), extras.argsOf(d.getName()), extras.burners().contains(d.getName())));
		}
		Set<String> kernels = new LinkedHashSet<>();
		for (Domain d : s.getDomains())
			if (Systems.startOf(d) != Start.XL && d.getKernel() != null && d.getKernel().getPath() != null) kernels.add(d.getKernel().getPath());
		boolean arinc653 = Schedules.realTimePools(s).stream().anyMatch(p -> p.scheduler() == Scheduler.ARINC653 && !p.domains().isEmpty());
		return new MarkerPlan(List.copyOf(guests), links, xl, xenFile(s), kernels, sizes, arinc653);
	}

	private static Dom0Duties dom0Duties(System s, MarkerExtras extras) {
		// the generated start script creates the xl domains and attaches the boot domains' PV devices, each after the driver
		// domains that serve it say so (their serve scripts): dom0 runs it unchanged and waits for nothing itself
		// ... and puts the ARINC 653 schedules and RTDS budgets in place
		boolean startScript = attachesAtBoot(s) || !Systems.xlDomains(s).isEmpty() || appliesSchedules(s);
		return new Dom0Duties(!s.getCpupools().isEmpty(), Systems.xlDomains(s).stream().map(Domain::getName).toList(), startScript, extras.args());
	}

	/**
	 * The passed-through GPIO controllers (QEMU virt's PL061) whose driver must bind in the domain and read a line: their
	 * Linux device names, {@code <unit address>.<node name>} (of_device_make_bus_id), e.g. 9030000.pl061.
	 */
	private static List<String> gpios(Domain d) {
		List<String> out = new ArrayList<>();
		for (var p : d.getPassthrough()) {
			var dev = p.getDevice();
			if (dev == null || dev.getDtPath() == null || !dev.getCompatible().contains(PL061)) continue;
			String node = dev.getDtPath().substring(dev.getDtPath().lastIndexOf('/') + 1);
			int at = node.indexOf('@');
			if (at > 0) out.add(node.substring(at + 1) + "." + node.substring(0, at));
		}
		return out;
	}

	/** The compatible of the GPIO controller the harness checks from inside a domain. */
	static final String PL061 = "arm,pl061";

	/** Where each passed-through device's node lands in the domain's device tree. */
	private static List<String> passedThrough(Domain d) {
		List<String> out = new ArrayList<>();
		for (var p : d.getPassthrough())
			if (p.getDevice() != null && p.getDevice().getDtPath() != null)
				out.add("/passthrough/" + p.getDevice().getDtPath().substring(p.getDevice().getDtPath().lastIndexOf('/') + 1));
		return out;
	}

	/** What every domain boots instead of what the system says. */
	BootOverrides overrides() {
		BootOverrides.Builder b = BootOverrides.builder();
		for (Guest g : guests) b.domain(g.name(), g.override());
		return b.build();
	}

	Guest guest(String name) {
		return guests.stream().filter(g -> g.name().equals(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no domain '" + name + "' in the marker plan"));
	}

	Guest dom0() {
		return guests.stream().filter(g -> g.start() == Start.DOM0).findFirst().orElse(null);
	}

	List<Guest> xlGuests() {
		return guests.stream().filter(g -> g.start() == Start.XL).toList();
	}

	boolean uses(Ramdisk r) {
		return guests.stream().anyMatch(g -> g.ramdisk() == r);
	}

	/** Whether dom0 must run xl: to start xl domains, to attach PV devices of boot domains, to report cpupools or to apply schedules. */
	private static boolean dom0NeedsXl(System s) {
		return Systems.dom0(s).isPresent() && (!Systems.xlDomains(s).isEmpty() || !s.getCpupools().isEmpty() || attachesAtBoot(s) || appliesSchedules(s));
	}

	/** Whether dom0's generated xl/start-domains.sh applies an ARINC 653 schedule or RTDS budgets. */
	private static boolean appliesSchedules(System s) {
		return Schedules.realTimePools(s).stream().anyMatch(p -> p.domains().stream().anyMatch(Domain::isSetRtBudget));
	}

	/** Whether some domain boots the burner. */
	boolean burns() {
		return guests.stream().anyMatch(Guest::burner);
	}

	/** Whether dom0's generated xl/start-domains.sh attaches PV devices of domains Xen started at boot. */
	private static boolean attachesAtBoot(System s) {
		return Systems.bootDomains(s).stream().anyMatch(d -> !d.getFrontends().isEmpty());
	}

	/** The static shared memory a domain owns or borrows, where it sees it. */
	private static List<ShmAccess> shmAccesses(System s, Domain d) {
		List<ShmAccess> out = new ArrayList<>();
		for (SharedMemory shm : s.getSharedMemory()) {
			List<ShmMapping> all = new ArrayList<>(shm.getBorrowers());
			if (shm.getOwner() != null) all.add(0, shm.getOwner());
			for (ShmMapping m : all) {
				if (m.getDomain() != d) continue;
				Long guest = m.isSetGuestAddress() ? m.getGuestAddress() : shm.isSetBase() ? shm.getBase() : null;
				if (guest != null) out.add(new ShmAccess(m == shm.getOwner(), guest));
			}
		}
		return out;
	}

	/** The name the boot loader loads Xen by. */
	static String xenFile(System s) {
		return s.getXen() != null && s.getXen().getImage() != null && s.getXen().getImage().getPath() != null ? s.getXen().getImage().getPath()
				: Resolver.DEFAULT_XEN_IMAGE;
	}
}
