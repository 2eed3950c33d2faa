package dev.tessera.core.backends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.GpuShare;
import dev.tessera.model.System;

/** Who serves whom: the backend graph of a system, and the order its domains must start in. */
public final class Backends {
	private Backends() {
	}

	/** The domain serving a frontend: the one named, else dom0 (null when the system has none). */
	public static Domain backendOf(System s, Frontend f) {
		return f.getBackend() != null && !f.getBackend().eIsProxy() ? f.getBackend() : Systems.dom0(s).orElse(null);
	}

	/**
	 * Whether a domain needs xenstore: it uses PV devices or serves them to another domain. A domain Xen starts at boot
	 * gets xenstore only from dom0's init-dom0less, and only with xen,enhanced "enabled".
	 */
	public static boolean needsXenstore(System s, Domain d) {
		if (!d.getFrontends().isEmpty()) return true;
		for (Domain x : s.getDomains())
			if (x != d)
				for (Frontend f : x.getFrontends())
					if (f.getBackend() == d) return true;
		return false;
	}

	/**
	 * Whether a domain has xenstore: dom0 and xl's domains always; a domain Xen starts at boot when it asks for Xen's
	 * PV interfaces with xenstore and dom0 is there to give it them (init-dom0less).
	 */
	public static boolean hasXenstore(System s, Domain d) {
		return switch (Systems.startOf(d)) {
			case DOM0, XL -> true;
			case BOOT -> d.isEnhanced() && !d.isNoXenstore() && Systems.dom0(s).isPresent();
		};
	}

	/** For every domain, the domains it needs up first: its backends and the host of a GPU it uses. */
	public static Map<Domain, Set<Domain>> dependencies(System s) {
		Map<Domain, Set<Domain>> deps = new LinkedHashMap<>();
		for (Domain d : s.getDomains()) {
			Set<Domain> need = new LinkedHashSet<>();
			for (Frontend f : d.getFrontends()) {
				Domain b = backendOf(s, f);
				if (b != null && b != d) need.add(b);
			}
			for (GpuShare g : s.getGpus())
				if (g.getHost() != null && !g.getHost().eIsProxy() && g.getHost() != d
						&& g.getGuests().stream().anyMatch(x -> x.getDomain() == d))
					need.add(g.getHost());
			deps.put(d, need);
		}
		return deps;
	}

	/** A cycle in the backend graph, as the domains around it, if there is one. */
	public static Optional<List<Domain>> cycle(System s) {
		Map<Domain, Set<Domain>> deps = dependencies(s);
		Map<Domain, Integer> state = new LinkedHashMap<>();
		for (Domain d : deps.keySet()) {
			List<Domain> path = new ArrayList<>();
			Optional<List<Domain>> c = visit(d, deps, state, path);
			if (c.isPresent()) return c;
		}
		return Optional.empty();
	}

	private static Optional<List<Domain>> visit(Domain d, Map<Domain, Set<Domain>> deps, Map<Domain, Integer> state, List<Domain> path) {
		Integer st = state.get(d);
		if (st != null && st == 2) return Optional.empty();
		if (st != null && st == 1) {
			List<Domain> cycle = new ArrayList<>(path.subList(path.indexOf(d), path.size()));
			cycle.add(d);
			return Optional.of(cycle);
		}
		state.put(d, 1);
		path.add(d);
		for (Domain n : deps.getOrDefault(d, Set.of())) {
			Optional<List<Domain>> c = visit(n, deps, state, path);
			if (c.isPresent()) return c;
		}
		path.remove(path.size() - 1);
		state.put(d, 2);
		return Optional.empty();
	}

	/** The domains in an order where every backend comes before its frontends (declaration order otherwise). */
	public static List<Domain> startOrder(System s) {
		Map<Domain, Set<Domain>> deps = dependencies(s);
		List<Domain> out = new ArrayList<>();
		Set<Domain> done = new LinkedHashSet<>();
		boolean progress = true;
		while (out.size() < deps.size() && progress) {
			progress = false;
			for (Domain d : deps.keySet())
				if (!done.contains(d) && done.containsAll(deps.get(d))) {
					out.add(d);
					done.add(d);
					progress = true;
				}
		}
		return out;
	}
}
