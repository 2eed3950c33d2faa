package dev.tessera.core.resolve;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.board.LlcColors;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.plan.BackendPlan;
import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.BootPlan;
import dev.tessera.core.plan.DevicePlan;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.EventChannelPlan;
import dev.tessera.core.plan.FlaskPlan;
import dev.tessera.core.plan.IsolationPlan;
import dev.tessera.core.plan.PassthroughPlan;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.plan.XenPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/**
 * Turns a valid system into a {@link Plan}, concern by concern: memory placement, boot modules, CPUs and pools,
 * devices and interrupts, backends, Xen's command line, and the /chosen tree that carries them to Xen. Run it after
 * the rules found no error; what only shows once files are measured and placed it reports itself.
 */
public final class Resolver {
	/** Boot modules and Tessera-placed static memory are 2 MiB aligned, as Linux and Xen images want. */
	public static final long ALIGN = 2 * Sizes.MIB;
	/** Generated partial device trees are padded to this size (dtc -S), so their size is known before they exist. */
	public static final long PARTIAL_DTB_SIZE = 64 * Sizes.KIB;
	/** Room for the compiled FLASK policy (a system's own policy compiles to a few tens of KiB). */
	public static final long XSM_POLICY_SIZE = 256 * Sizes.KIB;
	/** Room kept for the boot script (boot.scr) itself, at least: a large system gets more ({@link ScriptRoom}). */
	public static final long SCRIPT_SIZE = ScriptRoom.MINIMUM;
	/** The name Xen's image is loaded by when the system names none. */
	public static final String DEFAULT_XEN_IMAGE = "xen";

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
		BootSettings bs = s.getBoot();
		boolean dynamic = bs != null && bs.getAddressing() == Addressing.DYNAMIC;

		MemoryPlanner.Layout memory = MemoryPlanner.plan(s, b, out);
		long loadStart = bs != null && bs.isSetLoadAddress() ? bs.getLoadAddress() : b.getRam().stream().mapToLong(RamBank::getBase).min().orElse(0);
		BootModulePlanner modules = new BootModulePlanner(probe, memory.free(), loadStart, dynamic, Systems.xenVersion(s), out);
		BootFile xenFile = s.getXen() != null ? s.getXen().getImage() : null;
		BootModulePlanner.XenAndScript start = modules.xenAndScript(xenFile, s.getXen(), s);
		CpuPlanner cpus = new CpuPlanner(s, b);
		DevicePlanner devices = new DevicePlanner(s, b);

		// domain ids as Xen gives them: dom0 is 0, the domains Xen starts at boot 1, 2, ..., then xl's in creation order
		List<Domain> order = new ArrayList<>();
		Systems.dom0(s).ifPresent(order::add);
		order.addAll(Systems.bootDomains(s));
		order.addAll(Systems.xlDomains(s));
		List<DomainPlan> domains = new ArrayList<>();
		int nextId = 1;
		for (Domain d : order) {
			Start st = Systems.startOf(d);
			int id = st == Start.DOM0 ? 0 : nextId++;
			List<PassthroughPlan> given = devices.of(d);
			DomainPlan.Boot boot = modules.domain(d, id, st, b, !given.isEmpty());
			domains.add(new DomainPlan(d.getName(), id, d.getRole(), st, d.getOs(),
					new DomainPlan.Memory(d.getMemory(), memory.staticOf(d), d.isDirectMap(), memory.sharedOf(d),
							d.getLlcColors().isEmpty() ? null : LlcColors.list(d.getLlcColors())), cpus.of(d), boot,
					new DomainPlan.Devices(given, devices.clocksOf(given), d.isVuart()), new DomainPlan.Pv(BackendPlanner.enhanced(s, d), BackendPlanner.frontends(s, d)),
					limits(d), xlActions(d, Systems.flask(s))));
		}
		boolean flask = Systems.flask(s);
		BootModule policy = flask ? modules.xsmPolicy(s.getXen()) : null;
		DomainPlan dom0 = domains.stream().filter(d -> d.start() == Start.DOM0).findFirst().orElse(null);
		List<DomainPlan> boot = domains.stream().filter(d -> d.start() == Start.BOOT).toList();

		Device console = s.getXen() != null ? s.getXen().getConsole() : null;
		String consolePath = console != null && !console.eIsProxy() ? console.getDtPath() : null;
		List<String> xenOptions = XenCommandLinePlanner.options(s, dom0, consolePath);
		TextLengths.check(s, b, String.join(" ", xenOptions), out);
		BootPlan bootPlan = new BootPlan(dynamic ? Addressing.DYNAMIC : Addressing.FIXED,
				bs != null && bs.getLoadCommand() != null ? bs.getLoadCommand() : "tftpb", bs != null && bs.isPreloaded(), start.dynamicStart(),
				start.script().address(), start.script().size(), modules.loads());
		List<String> hostPassthrough = DevicePlanner.hostPassthrough(domains);
		List<EventChannelPlan> channels = eventChannels(s);
		HostTreePlanner tree = new HostTreePlanner(String.join(" ", xenOptions), policy, dom0, boot, cpus.pools(), channels, hostPassthrough,
				DevicePlanner.streamNodes(domains), dynamic);
		BackendPlan backends = BackendPlanner.plan(s, domains);
		List<dev.tessera.core.plan.GpuPlan> gpus = devices.gpus();
		IsolationPlan isolation = IsolationPlanner.plan(s, b, domains, channels, gpus);
		XenPlan xen = new XenPlan(start.xen(), xenOptions, consolePath, s.getXen() != null && s.getXen().isSetScheduler() ? s.getXen().getScheduler() : null,
				flask ? FlaskPlanner.plan(!s.getXen().isPermissive(), policy, domains, isolation) : null);
		Plan plan = new Plan(s.getName(), b.getName(), b.getArch(), Systems.xenVersion(s), xen, bootPlan, List.copyOf(domains), cpus.pools(),
				new DevicePlan(hostPassthrough, gpus), backends, channels, SchedulePlanner.plan(s, domains), tree.build(HostTreePlanner.Route.LOADED),
				tree.build(HostTreePlanner.Route.UEFI), isolation, null);
		return new Resolution(out.hasErrors() ? null : plan, out);
	}

	private static DomainPlan.Limits limits(Domain d) {
		return new DomainPlan.Limits(d.isSetMaxGrantFrames() ? d.getMaxGrantFrames() : null,
				d.isSetMaxMaptrackFrames() ? d.getMaxMaptrackFrames() : null, d.isSetNrSpis() ? d.getNrSpis() : null,
				d.isSetP2mPool() ? d.getP2mPool() >> 20 : null);
	}

	/** With FLASK every xl domain is created with its type from the system's policy as its label. */
	private static DomainPlan.XlActions xlActions(Domain d, boolean flask) {
		String seclabel = flask && Systems.startOf(d) == Start.XL ? FlaskPlan.context(FlaskPlan.typeOf(d.getName())) : d.getSeclabel();
		return new DomainPlan.XlActions(d.isSetOnCrash() ? d.getOnCrash().getLiteral() : null,
				d.isSetOnReboot() ? d.getOnReboot().getLiteral() : null, d.isSetTee() ? d.getTee().getLiteral() : null, seclabel);
	}

	/** Static event channels whose ends both name domains; dom0's end is null, as its nodes sit under /chosen itself. */
	private static List<EventChannelPlan> eventChannels(System s) {
		List<EventChannelPlan> out = new ArrayList<>();
		for (EventChannel e : s.getEventChannels()) {
			if (e.getA() == null || e.getA().eIsProxy() || e.getB() == null || e.getB().eIsProxy()) continue;
			String a = Systems.startOf(e.getA()) == Start.DOM0 ? null : e.getA().getName();
			String b = Systems.startOf(e.getB()) == Start.DOM0 ? null : e.getB().getName();
			out.add(new EventChannelPlan(e.getName(), a, e.getAPort(), b, e.getBPort()));
		}
		return out;
	}
}
