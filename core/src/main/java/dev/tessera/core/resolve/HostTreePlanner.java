package dev.tessera.core.resolve;

import static dev.tessera.core.plan.tree.Cell.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.CpupoolPlan;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.EventChannelPlan;
import dev.tessera.core.plan.MemoryRange;
import dev.tessera.core.plan.OutputFiles;
import dev.tessera.core.plan.PassthroughPlan;
import dev.tessera.core.plan.SharedMemoryPlan;
import dev.tessera.core.plan.tree.Cell;
import dev.tessera.core.plan.tree.DtNode;
import dev.tessera.core.plan.tree.DtProperty;
import dev.tessera.core.plan.tree.HostTree;

/**
 * Xen's /chosen, described once for every output that carries it (docs/misc/arm/device-tree/booting.txt): Xen's
 * command line and dom0's modules, static event channels, boot-time cpupools, and a node for every domain Xen
 * starts at boot with its memory, CPUs, links and modules; the nodes of GPU streams a domain gets through an IOMMU;
 * and xen,passthrough on the board nodes other domains take.
 * Phandles matter only where U-Boot builds the nodes: a DTS source refers to nodes by path.
 */
final class HostTreePlanner {
	/** How the loader finds the modules: at the addresses Tessera planned (or U-Boot's), or by file name (EFI). */
	enum Route { LOADED, UEFI }

	/** Phandles Tessera gives nodes it creates with U-Boot commands; far above what dtc assigns. */
	static final long PHANDLE_BASE = 0x7e5a0001L;
	/** Phandles for event-channel nodes, after the cpupools'. */
	static final long EVTCHN_PHANDLE_BASE = PHANDLE_BASE + 0x1000;
	static final String CHOSEN = "/chosen";

	private final String xenCmdline;
	/** The FLASK policy module, or null. */
	private final BootModule xsmPolicy;
	private final DomainPlan dom0;
	private final List<DomainPlan> bootDomains;
	private final List<CpupoolPlan> pools;
	private final List<EventChannelPlan> channels;
	private final List<String> hostPassthrough;
	private final List<PassthroughPlan> streamNodes;
	private final boolean dynamic;
	private final Map<String, Long> poolPhandles = new LinkedHashMap<>();
	private final List<End> ends = new ArrayList<>();

	/** One end of a static event channel: its domain (null: dom0), port, node path and phandle; and the other end. */
	private record End(String domain, int port, String path, long phandle, End[] remote) {
	}

	HostTreePlanner(String xenCmdline, BootModule xsmPolicy, DomainPlan dom0, List<DomainPlan> bootDomains, List<CpupoolPlan> pools,
			List<EventChannelPlan> channels, List<String> hostPassthrough, List<PassthroughPlan> streamNodes, boolean dynamic) {
		this.xenCmdline = xenCmdline;
		this.xsmPolicy = xsmPolicy;
		this.dom0 = dom0;
		this.bootDomains = bootDomains;
		this.pools = pools;
		this.channels = channels;
		this.hostPassthrough = hostPassthrough;
		this.streamNodes = streamNodes;
		this.dynamic = dynamic;
		long ph = PHANDLE_BASE;
		for (CpupoolPlan p : pools) poolPhandles.put(p.name(), ph++);
		long eph = EVTCHN_PHANDLE_BASE;
		for (EventChannelPlan e : channels) {
			End[] bOfA = new End[1], aOfB = new End[1];
			End a = new End(e.aDomain(), e.aPort(), evtchnPath(e.aDomain(), e.aPort()), eph++, bOfA);
			End b = new End(e.bDomain(), e.bPort(), evtchnPath(e.bDomain(), e.bPort()), eph++, aOfB);
			bOfA[0] = b;
			aOfB[0] = a;
			ends.add(a);
			ends.add(b);
		}
	}

	HostTree build(Route route) {
		List<DtProperty> props = new ArrayList<>(List.of(DtProperty.cellsOf("#address-cells", number(2)), DtProperty.cellsOf("#size-cells", number(2))));
		List<DtNode> children = new ArrayList<>();
		// with UEFI, Xen's command line and dom0's modules come from xen.cfg
		if (route == Route.LOADED) {
			props.add(DtProperty.stringsOf("xen,xen-bootargs", xenCmdline));
			if (dom0 != null) {
				children.add(module("dom0-kernel", dom0.boot().kernel(), dom0.boot().cmdline(), null, route));
				if (dom0.boot().ramdisk() != null) children.add(module("dom0-ramdisk", dom0.boot().ramdisk(), null, null, route));
			}
			if (xsmPolicy != null) children.add(module("xsm-policy", xsmPolicy, null, null, route));
		}
		children.addAll(channelEnds(null));
		for (CpupoolPlan p : pools) children.add(cpupool(p));
		for (DomainPlan d : bootDomains) children.add(domain(d, route));
		DtNode chosen = new DtNode("chosen", DtNode.Kind.CHOSEN, 0, props, children);
		List<DtNode> board = hostPassthrough.stream()
				.map(path -> new DtNode(path, DtNode.Kind.BOARD, 0, List.of(DtProperty.flagOf("xen,passthrough")), List.of())).toList();
		// a node per GPU stream, beside the GPU: only iommus, the IOMMU (its phandle from the board's tree) and the
		// stream; created before xen,passthrough is set on it
		Map<String, List<DtNode>> byParent = new LinkedHashMap<>();
		for (PassthroughPlan p : streamNodes) {
			String parent = p.hostPath().substring(0, p.hostPath().lastIndexOf('/'));
			byParent.computeIfAbsent(parent.isEmpty() ? "/" : parent, k -> new ArrayList<>()).add(new DtNode(p.nodeName(), DtNode.Kind.STREAM, 0,
					List.of(DtProperty.cellsOf("iommus", lookup(p.stream().iommuPath()), number(p.stream().id()))), List.of()));
		}
		List<DtNode> added = byParent.entrySet().stream().map(e -> new DtNode(e.getKey(), DtNode.Kind.BOARD, 0, List.<DtProperty>of(), e.getValue())).toList();
		return new HostTree(chosen, added, board);
	}

	private DtNode cpupool(CpupoolPlan p) {
		List<DtProperty> props = new ArrayList<>();
		props.add(DtProperty.stringsOf("compatible", "xen,cpupool"));
		props.add(DtProperty.cellsOf("cpupool-cpus", p.cpuPaths().stream().map(Cell::lookup).toList()));
		if (p.scheduler() != null) props.add(DtProperty.stringsOf("cpupool-sched", p.scheduler().getLiteral()));
		return new DtNode(poolNode(p), DtNode.Kind.CPUPOOL, poolPhandles.get(p.name()), props, List.of());
	}

	private static String poolNode(CpupoolPlan p) {
		return "cpupool-" + p.name();
	}

	private DtNode domain(DomainPlan d, Route route) {
		List<DtProperty> props = new ArrayList<>();
		props.add(DtProperty.stringsOf("compatible", "xen,domain"));
		props.add(DtProperty.cellsOf("#address-cells", number(2)));
		props.add(DtProperty.cellsOf("#size-cells", number(2)));
		props.add(DtProperty.cellsOf("memory", two(d.memory().kib())));
		props.add(DtProperty.cellsOf("cpus", number(d.cpus().vcpus())));
		if (d.devices().vuart()) props.add(DtProperty.flagOf("vpl011"));
		if (d.pv().hasPvInterfaces()) props.add(DtProperty.stringsOf("xen,enhanced", d.pv().enhanced().label()));
		if (!d.memory().staticRanges().isEmpty()) {
			List<Cell> cells = new ArrayList<>();
			for (MemoryRange r : d.memory().staticRanges()) cells.addAll(join(two(r.base()), two(r.size())));
			props.add(DtProperty.cellsOf("xen,static-mem", cells));
		}
		if (d.memory().directMap()) props.add(DtProperty.flagOf("direct-map"));
		if (d.cpus().pool() != null)
			props.add(DtProperty.cellsOf("domain-cpupool", reference(CHOSEN + "/" + poolNode(d.cpus().pool()), poolPhandles.get(d.cpus().pool().name()))));
		if (d.memory().llcColors() != null) props.add(DtProperty.stringsOf("llc-colors", d.memory().llcColors()));
		DomainPlan.Limits limits = d.limits();
		if (limits.spis() != null) props.add(DtProperty.cellsOf("nr_spis", number(limits.spis())));
		if (limits.grantFrames() != null) props.add(DtProperty.cellsOf("max_grant_frames", number(limits.grantFrames())));
		if (limits.maptrackFrames() != null) props.add(DtProperty.cellsOf("max_maptrack_frames", number(limits.maptrackFrames())));
		if (limits.p2mPoolMib() != null) props.add(DtProperty.cellsOf("xen,domain-p2m-mem-mb", number(limits.p2mPoolMib())));
		List<DtNode> children = new ArrayList<>();
		// pinning of a domain Xen starts at boot: xen,vcpu nodes (validation allows it from Xen 4.21 on)
		if (!d.cpus().pin().isEmpty())
			for (int i = 0; i < d.cpus().vcpus(); i++)
				children.add(new DtNode("vcpu" + i, DtNode.Kind.VCPU, 0, List.of(DtProperty.stringsOf("compatible", "xen,vcpu"),
						DtProperty.cellsOf("id", number(i)), DtProperty.stringsOf("hard-affinity", d.cpus().pinList())), List.of()));
		children.addAll(channelEnds(d.name()));
		for (SharedMemoryPlan m : d.memory().shared())
			children.add(new DtNode("shared-mem@" + Long.toHexString(m.hostAddress()), DtNode.Kind.SHARED_MEMORY, 0, List.of(
					DtProperty.stringsOf("compatible", "xen,domain-shared-memory-v1"), DtProperty.stringsOf("role", m.role().label()),
					DtProperty.stringsOf("xen,shm-id", m.id()),
					DtProperty.cellsOf("xen,shared-mem", join(two(m.hostAddress()), two(m.guestAddress()), two(m.size())))), List.of()));
		children.add(module("kernel", d.boot().kernel(), d.boot().cmdline(), null, route));
		if (d.boot().ramdisk() != null) children.add(module("ramdisk", d.boot().ramdisk(), null, null, route));
		if (d.boot().deviceTree() != null)
			children.add(module("device-tree", d.boot().deviceTree(), null,
					d.boot().generatedDeviceTree() ? OutputFiles.uefiPartialDtbName(d.name()) : null, route));
		return new DtNode(d.name(), DtNode.Kind.DOMAIN, 0, props, children);
	}

	/** The static event channel nodes of one domain (null: dom0, whose nodes sit directly under /chosen). */
	private List<DtNode> channelEnds(String domain) {
		List<DtNode> out = new ArrayList<>();
		for (End e : ends) {
			if (!java.util.Objects.equals(e.domain(), domain)) continue;
			End remote = e.remote()[0];
			out.add(new DtNode("evtchn@" + Integer.toHexString(e.port()), DtNode.Kind.EVENT_CHANNEL, e.phandle(), List.of(
					DtProperty.stringsOf("compatible", "xen,evtchn-v1"),
					DtProperty.cellsOf("xen,evtchn", number(e.port()), reference(remote.path(), remote.phandle()))), List.of()));
		}
		return out;
	}

	private static String evtchnPath(String domain, int port) {
		return CHOSEN + "/" + (domain == null ? "" : domain + "/") + "evtchn@" + Integer.toHexString(port);
	}

	private static final Map<BootModule.Kind, String> COMPATIBLE = Map.of(BootModule.Kind.KERNEL, "multiboot,kernel",
			BootModule.Kind.RAMDISK, "multiboot,ramdisk", BootModule.Kind.DEVICE_TREE, "multiboot,device-tree",
			BootModule.Kind.XSM_POLICY, "xen,xsm-policy");

	/**
	 * A boot module: where it is (reg: planned, or U-Boot's variables with dynamic addressing), or with UEFI the
	 * file the EFI loader reads beside Xen ({@code uefiName}, else the file's own name).
	 */
	private DtNode module(String name, BootModule m, String args, String uefiName, Route route) {
		List<DtProperty> props = new ArrayList<>();
		props.add(DtProperty.stringsOf("compatible", COMPATIBLE.get(m.kind()), "multiboot,module"));
		if (route == Route.UEFI) props.add(DtProperty.stringsOf("xen,uefi-binary", uefiName != null ? uefiName : m.file()));
		else if (dynamic) props.add(DtProperty.cellsOf("reg", number(0), variable(m.var() + "_addr"), number(0), variable(m.var() + "_size")));
		else props.add(DtProperty.cellsOf("reg", join(two(m.address()), two(m.size()))));
		if (args != null && !args.isEmpty()) props.add(DtProperty.stringsOf("bootargs", args));
		return new DtNode(name, DtNode.Kind.MODULE, 0, props, List.of());
	}
}
