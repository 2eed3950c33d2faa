package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.FlaskPlan;
import dev.tessera.core.plan.FlaskPlan.Allow;
import dev.tessera.core.plan.FlaskPlan.DomainType;
import dev.tessera.core.plan.FlaskPlan.Kind;
import dev.tessera.core.plan.IsolationPlan;
import dev.tessera.core.plan.IsolationPlan.Connection;
import dev.tessera.model.Start;

/**
 * The least-privilege FLASK policy of a system: a type per domain, and a permission only where the system declares
 * what needs it (dom0's control, a backend serving a frontend, a static event channel, passed-through devices).
 * What connects domains without a hypercall FLASK checks (static shared memory Xen maps at boot, a GPU shared in
 * hardware, an interrupt line) gets nothing here; the isolation report says so.
 */
final class FlaskPlanner {
	private FlaskPlanner() {
	}

	static FlaskPlan plan(boolean enforcing, BootModule policy, List<DomainPlan> domains, IsolationPlan isolation) {
		String dom0 = domains.stream().filter(d -> d.start() == Start.DOM0).map(DomainPlan::name).findFirst().orElse(null);
		List<DomainType> types = new ArrayList<>();
		List<Allow> allows = new ArrayList<>();
		for (DomainPlan d : domains) {
			if (d.start() == Start.DOM0) continue;
			types.add(new DomainType(d.name(), FlaskPlan.typeOf(d.name()), d.id(), d.start() == Start.BOOT));
			if (dom0 != null)
				allows.add(d.start() == Start.XL ? new Allow(Kind.CONTROL, dom0, d.name(), "dom0 starts it with xl")
						: new Allow(Kind.MANAGE, dom0, d.name(), "Xen starts it at boot; dom0 gives it its type, names and manages it"));
		}
		for (IsolationPlan.Link l : isolation.links())
			for (Connection c : l.connections())
				switch (c.kind()) {
					case BACKEND -> allows.add(new Allow(Kind.SERVE, c.from(), c.to(), c.what()));
					case EVENT_CHANNEL -> allows.add(new Allow(Kind.EVENT_CHANNEL, c.from(), c.to(), c.what()));
					default -> { }
				}
		for (DomainPlan d : domains)
			if (d.start() != Start.DOM0 && !d.devices().assigned().isEmpty())
				allows.add(new Allow(Kind.DEVICES, d.name(), d.name(), "passthrough of "
						+ String.join(", ", d.devices().assigned().stream().map(p -> p.device()).distinct().toList())));
		boolean bootChannels = isolation.links().stream().flatMap(l -> l.connections().stream())
				.anyMatch(c -> c.kind() == IsolationPlan.LinkKind.EVENT_CHANNEL);
		return new FlaskPlan(enforcing, policy, List.copyOf(types), List.copyOf(allows), bootChannels);
	}
}
