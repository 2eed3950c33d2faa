package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.SchedulePlan;
import dev.tessera.core.sched.Arinc653Synthesis;
import dev.tessera.core.sched.Schedules;
import dev.tessera.model.Domain;
import dev.tessera.model.Scheduler;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * Real-time schedules: an ARINC 653 schedule for every ARINC 653 pool, synthesised over its major frame
 * ({@link Arinc653Synthesis}), and every RTDS domain's budget. Domains are named as dom0 finds them for sure: an xl
 * domain by its name, a domain Xen starts at boot by its domain id (1, 2, ... in /chosen order; it may have no name
 * in xenstore, or init-dom0less's).
 */
final class SchedulePlanner {
	private SchedulePlanner() {
	}

	static SchedulePlan plan(System s, List<DomainPlan> domains) {
		List<SchedulePlan.Arinc653> arinc = new ArrayList<>();
		List<SchedulePlan.Rtds> rtds = new ArrayList<>();
		for (Schedules.Pool pool : Schedules.realTimePools(s)) {
			if (pool.scheduler() == Scheduler.ARINC653) {
				if (!pool.synthesisable()) continue;
				Arinc653Synthesis.Result r = pool.synthesise();
				if (!r.feasible()) continue;
				List<SchedulePlan.Slot> slots = r.slots().stream()
						.map(x -> new SchedulePlan.Slot(x.partition(), x.idle() ? null : target(s, domains, x.partition()), x.start(), x.length())).toList();
				List<SchedulePlan.Partition> partitions = pool.partitions().stream()
						.map(p -> new SchedulePlan.Partition(p.name(), p.period(), p.budget())).toList();
				arinc.add(new SchedulePlan.Arinc653(pool.name(), r.majorFrame(), partitions, slots, r.utilisation()));
			} else
				for (Domain d : pool.domains())
					if (d.isSetRtBudget()) rtds.add(new SchedulePlan.Rtds(d.getName(), target(s, domains, d.getName()), d.getRtPeriod(), d.getRtBudget(),
							d.isRtExtratime()));
		}
		return new SchedulePlan(arinc, rtds);
	}

	private static String target(System s, List<DomainPlan> domains, String name) {
		DomainPlan d = domains.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
		return d.start() == Start.XL ? name : Integer.toString(d.id());
	}
}
