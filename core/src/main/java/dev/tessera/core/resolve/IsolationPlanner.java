package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.EventChannelPlan;
import dev.tessera.core.plan.FrontendPlan;
import dev.tessera.core.plan.GpuPlan;
import dev.tessera.core.plan.InterruptPlan;
import dev.tessera.core.plan.IsolationPlan;
import dev.tessera.core.plan.IsolationPlan.Connection;
import dev.tessera.core.plan.IsolationPlan.CpuShare;
import dev.tessera.core.plan.IsolationPlan.Link;
import dev.tessera.core.plan.IsolationPlan.LinkKind;
import dev.tessera.core.plan.IsolationPlan.Privilege;
import dev.tessera.core.plan.IsolationPlan.PrivilegeKind;
import dev.tessera.core.plan.IsolationPlan.Xsm;
import dev.tessera.core.plan.PassthroughPlan;
import dev.tessera.core.plan.SharedMemoryPlan;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * Isolation: what each domain can do to all the others (control, DMA without an IOMMU), what connects each pair
 * (backends, GPU sharing, shared memory, event channels, an interrupt line), and who shares each CPU. Linear in the
 * domains and what they declare: pairs that nothing connects are not listed one by one.
 */
final class IsolationPlanner {
	private IsolationPlanner() {
	}

	static IsolationPlan plan(System s, Board b, List<DomainPlan> domains, List<EventChannelPlan> channels, List<GpuPlan> gpus) {
		Map<String, Integer> order = new HashMap<>();
		for (DomainPlan d : domains) order.put(d.name(), d.id());
		String dom0 = domains.stream().filter(d -> d.start() == Start.DOM0).map(DomainPlan::name).findFirst().orElse(null);

		List<Privilege> privileges = new ArrayList<>();
		Map<String, Device> devices = new HashMap<>();
		for (Device dev : b.getDevices()) devices.put(dev.getName(), dev);
		for (DomainPlan d : domains) {
			if (d.start() == Start.DOM0) {
				privileges.add(new Privilege(d.name(), PrivilegeKind.CONTROL, null));
				continue;
			}
			// a GPU whose OSID streams the domain is given goes through that IOMMU (the board's osid-streams)
			java.util.Set<String> streamed = new java.util.HashSet<>();
			for (PassthroughPlan p : d.devices().passthrough()) if (p.stream() != null) streamed.add(p.device());
			for (PassthroughPlan p : d.devices().passthrough()) {
				Device dev = devices.get(p.device());
				if (p.window() || p.behindIommu() || p.stream() != null || streamed.contains(p.device()) || dev == null) continue;
				if (dev.isDma()) privileges.add(new Privilege(d.name(), PrivilegeKind.DMA_WITHOUT_IOMMU, p.device()));
				else if (!dev.isNoDma()) privileges.add(new Privilege(d.name(), PrivilegeKind.DMA_UNKNOWN, p.device()));
			}
		}

		Links links = new Links(order);
		for (DomainPlan d : domains)
			for (FrontendPlan f : d.pv().frontends()) {
				String backend = f.servedByDom0() ? dom0 : f.backend();
				if (backend != null) links.add(LinkKind.BACKEND, backend, d.name(), f.kind().xl() + " served by " + backend);
			}
		for (GpuPlan g : gpus)
			for (GpuPlan.Guest guest : g.guests())
				links.add(LinkKind.GPU, g.host(), guest.domain(), "GPU " + g.device() + " (" + g.mode().getLiteral() + ") hosted by " + g.host()
						+ (guest.osid() != null ? ", OSID " + guest.osid() + "; its interrupt stays with " + g.host() : ""));
		Map<String, List<DomainPlan>> regions = new LinkedHashMap<>();
		Map<String, String> owners = new HashMap<>();
		for (DomainPlan d : domains)
			for (SharedMemoryPlan m : d.memory().shared()) {
				regions.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(d);
				if (m.owner()) owners.put(m.id(), d.name());
			}
		regions.forEach((id, users) -> {
			String owner = owners.get(id);
			for (DomainPlan u : users)
				if (owner != null && !u.name().equals(owner)) links.add(LinkKind.SHARED_MEMORY, owner, u.name(), "region " + id + " owned by " + owner);
		});
		for (EventChannelPlan c : channels) {
			String a = c.aDomain() != null ? c.aDomain() : dom0, bb = c.bDomain() != null ? c.bDomain() : dom0;
			if (a != null && bb != null)
				links.add(LinkKind.EVENT_CHANNEL, a, bb, "channel " + c.name() + ": port " + c.aPort() + " of " + a + " to port " + c.bPort() + " of " + bb);
		}
		// an interrupt line given to two domains (the devices share it): either can keep it busy for the other
		Map<Integer, List<String>> spis = new TreeMap<>();
		for (DomainPlan d : domains)
			for (PassthroughPlan p : d.devices().passthrough())
				for (InterruptPlan i : p.irqs())
					if (i.type() == 0 && !p.window()) {
						List<String> l = spis.computeIfAbsent(i.number(), k -> new ArrayList<>());
						if (!l.contains(d.name())) l.add(d.name());
					}
		spis.forEach((spi, ds) -> {
			for (int i = 0; i < ds.size(); i++)
				for (int j = i + 1; j < ds.size(); j++)
					links.add(LinkKind.SHARED_INTERRUPT, ds.get(i), ds.get(j), "SPI " + spi + " (" + (spi + 32) + ")");
		});

		Map<Integer, List<String>> perCpu = new TreeMap<>();
		for (DomainPlan dp : domains) {
			Domain d = s.getDomains().stream().filter(x -> x.getName().equals(dp.name())).findFirst().orElse(null);
			if (d == null) continue;
			for (int cpu : Systems.effectiveCpus(s, d)) perCpu.computeIfAbsent(cpu, k -> new ArrayList<>()).add(dp.name());
		}
		List<CpuShare> cpus = new ArrayList<>();
		perCpu.forEach((cpu, ds) -> cpus.add(new CpuShare(cpu, List.copyOf(ds))));
		return new IsolationPlan(xsm(s), List.copyOf(privileges), links.list(), List.copyOf(cpus));
	}

	/** The security module Xen's command line chooses (its last xsm= wins, as Xen parses options in order). */
	static Xsm xsm(System s) {
		if (Systems.xsm(s) != null)
			return switch (Systems.xsm(s)) {
				case DUMMY -> Xsm.DUMMY;
				case SILO -> Xsm.SILO;
				case FLASK -> s.getXen().isPermissive() ? Xsm.FLASK_PERMISSIVE : Xsm.FLASK_POLICY;
			};
		String cmdline = s.getXen() == null || s.getXen().getCmdline() == null ? "" : s.getXen().getCmdline();
		Xsm chosen = Xsm.DEFAULT;
		for (String option : cmdline.trim().split("\\s+"))
			switch (option) {
				case "xsm=dummy" -> chosen = Xsm.DUMMY;
				case "xsm=silo" -> chosen = Xsm.SILO;
				case "xsm=flask" -> chosen = Xsm.FLASK;
				default -> { }
			}
		return chosen;
	}

	/** Connections gathered by pair, each pair once whichever way round, in domain-id order. */
	private static final class Links {
		private final Map<String, Integer> order;
		private final Map<List<String>, List<Connection>> pairs = new HashMap<>();

		Links(Map<String, Integer> order) {
			this.order = order;
		}

		void add(LinkKind kind, String from, String to, String what) {
			if (from.equals(to) || !order.containsKey(from) || !order.containsKey(to)) return;
			List<String> key = order.get(from) < order.get(to) ? List.of(from, to) : List.of(to, from);
			pairs.computeIfAbsent(key, k -> new ArrayList<>()).add(new Connection(kind, from, to, what));
		}

		List<Link> list() {
			return pairs.entrySet().stream()
					.sorted((x, y) -> {
						int c = Integer.compare(order.get(x.getKey().get(0)), order.get(y.getKey().get(0)));
						return c != 0 ? c : Integer.compare(order.get(x.getKey().get(1)), order.get(y.getKey().get(1)));
					})
					.map(e -> new Link(e.getKey().get(0), e.getKey().get(1), List.copyOf(e.getValue()))).toList();
		}
	}
}
