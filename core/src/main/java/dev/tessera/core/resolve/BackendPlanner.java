package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.plan.BackendPlan;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.FrontendPlan;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.DiskFrontend;
import dev.tessera.model.DisplayConnector;
import dev.tessera.model.DisplayFrontend;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.InputFrontend;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.NinePFrontend;
import dev.tessera.model.PcmStream;
import dev.tessera.model.SoundFrontend;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.model.VirtioFrontend;

/** Backends: each domain's PV and virtio devices with the domain that serves them, and the order domains start in. */
final class BackendPlanner {
	/** Contacts a virtual multi-touch device reports; what Android and Weston expect of a car's touch screen. */
	static final int TOUCH_CONTACTS = 10;

	private BackendPlanner() {
	}

	static List<FrontendPlan> frontends(System s, Domain d) {
		List<FrontendPlan> out = new ArrayList<>();
		for (Frontend f : d.getFrontends()) {
			Domain b = Backends.backendOf(s, f);
			String backend = b == null || Systems.startOf(b) == Start.DOM0 ? FrontendPlan.DOM0 : b.getName();
			if (f instanceof DiskFrontend x)
				out.add(new FrontendPlan.Disk(backend, x.getVdev(), x.getFormat() != null ? x.getFormat() : "raw", x.isReadonly(), x.getTarget()));
			else if (f instanceof NetFrontend x) out.add(new FrontendPlan.Vif(backend, x.getMac(), x.getBridge()));
			else if (f instanceof DisplayFrontend x)
				out.add(new FrontendPlan.Display(backend, x.isBackendAllocates(),
						x.getConnectors().stream().map(c -> new FrontendPlan.Connector(c.getName(), c.getResolution())).toList()));
			else if (f instanceof SoundFrontend x) {
				List<FrontendPlan.Stream> streams = new ArrayList<>();
				for (PcmStream p : x.getStreams()) streams.add(new FrontendPlan.Stream(p.getName(), p.isCapture()));
				out.add(new FrontendPlan.Sound(backend, x.getCard() != null ? x.getCard() : d.getName(), streams));
			} else if (f instanceof InputFrontend x) {
				DisplayConnector t = x.getTouch();
				FrontendPlan.Touch touch = null;
				if (t != null && !t.eIsProxy() && t.getResolution() != null) {
					String[] wh = t.getResolution().split("x");
					touch = new FrontendPlan.Touch(t.getName(), wh[0], wh[1], TOUCH_CONTACTS);
				}
				out.add(new FrontendPlan.Input(backend, x.isKeyboard(), x.isPointer(), touch));
			} else if (f instanceof NinePFrontend x) out.add(new FrontendPlan.NineP(backend, x.getTag(), x.getPath()));
			else if (f instanceof VirtioFrontend x) out.add(new FrontendPlan.Virtio(backend, x.getType(), x.isGrantsSet() ? x.isGrants() : null));
		}
		return out;
	}

	/**
	 * Which PV interfaces a domain Xen starts at boot gets. Without dom0 nothing can give it xenstore (Xen 4.17 to 4.20
	 * panic when asked; rules refuse domains that need it): it gets grant tables and event channels only.
	 */
	static DomainPlan.Enhanced enhanced(System s, Domain d) {
		if (!d.isEnhanced()) return DomainPlan.Enhanced.NONE;
		return Backends.hasXenstore(s, d) ? DomainPlan.Enhanced.ENABLED : DomainPlan.Enhanced.NO_XENSTORE;
	}

	/** Linux's backend driver of each kind a driver domain's kernel serves; the others are user-space programs. */
	static final java.util.Map<FrontendPlan.Kind, BackendPlan.KernelBackend> KERNEL_DRIVERS = java.util.Map.of(FrontendPlan.Kind.DISK,
			new BackendPlan.KernelBackend("xen-blkback", "vbd"), FrontendPlan.Kind.VIF, new BackendPlan.KernelBackend("xen-netback", "vif"));

	/** libxl's bridge for a vif that names none. */
	static final String DEFAULT_BRIDGE = "xenbr0";

	/** Every domain but dom0 that serves PV devices to another, in domain order. */
	private static List<BackendPlan.Server> servers(List<DomainPlan> domains) {
		List<BackendPlan.Server> out = new ArrayList<>();
		for (DomainPlan d : domains) {
			if (d.start() == Start.DOM0) continue;
			List<BackendPlan.Served> serves = new ArrayList<>();
			List<BackendPlan.KernelBackend> drivers = new ArrayList<>();
			List<String> bridges = new ArrayList<>();
			for (DomainPlan f : domains)
				for (FrontendPlan fp : f.pv().frontends())
					if (fp.backend().equals(d.name()) && f != d) {
						serves.add(new BackendPlan.Served(fp.kind(), f.name()));
						BackendPlan.KernelBackend driver = KERNEL_DRIVERS.get(fp.kind());
						if (driver != null && !drivers.contains(driver)) drivers.add(driver);
						if (fp instanceof FrontendPlan.Vif vif) {
							String bridge = vif.bridge() != null ? vif.bridge() : DEFAULT_BRIDGE;
							if (!bridges.contains(bridge)) bridges.add(bridge);
						}
					}
			if (!serves.isEmpty()) out.add(new BackendPlan.Server(d.name(), serves, drivers, bridges));
		}
		return out;
	}

	static BackendPlan plan(System s, List<DomainPlan> domains) {
		List<String> order = Backends.startOrder(s).stream().map(Domain::getName).toList();
		List<DomainPlan> boot = domains.stream().filter(d -> d.start() == Start.BOOT).toList();
		List<DomainPlan> xlNamed = boot.stream().filter(d -> d.pv().xenstore()
				&& (!d.pv().frontends().isEmpty() || domains.stream().anyMatch(x -> x.pv().frontends().stream().anyMatch(f -> f.backend().equals(d.name())))))
				.toList();
		return new BackendPlan(order, xlNamed, servers(domains));
	}
}
