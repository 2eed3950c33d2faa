package dev.tessera.core.rules.sched;

import static dev.tessera.model.TesseraPackage.Literals.CPUPOOL__MAJOR_FRAME;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__VCPUS;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.Locale;

import org.eclipse.emf.ecore.EObject;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.sched.Arinc653Synthesis;
import dev.tessera.core.sched.Schedules;
import dev.tessera.model.Domain;
import dev.tessera.model.Scheduler;
import dev.tessera.model.System;

/**
 * The partitions of an ARINC 653 pool have a static cyclic schedule: Tessera synthesises one over the major frame
 * (earliest deadline first, docs/real-time.md) in which every partition gets its whole budget in every one of its
 * periods.
 */
public final class Arinc653ScheduleFeasible extends Rule {
	static final RuleInfo INFO = new RuleInfo("sched.arinc653", Section.SCHEDULES, Severity.ERROR,
			"The partitions of an ARINC 653 pool have a schedule",
			"Xen's ARINC 653 scheduler runs a fixed list of slots every major frame, and a vCPU with no slot never runs. Every "
					+ "domain of the pool is a partition with a budget and one vCPU; the major frame (the least common multiple of "
					+ "the periods unless given) is a multiple of every period; and the budgets fit: Tessera's schedule gives every "
					+ "partition its budget in every period window, or the message names the first window it cannot, with the "
					+ "utilisation. Xen takes at most 63 slots.");
	/** Entries Xen takes per schedule (ARINC653_MAX_DOMAINS_PER_SCHEDULE 64; one fewer: 4.20.3 and older read past the last). */
	public static final int MAX_SLOTS = 63;

	public Arinc653ScheduleFeasible() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Schedules.Pool pool : Schedules.realTimePools(s)) {
			if (pool.scheduler() != Scheduler.ARINC653) continue;
			EObject at = pool.cpupool() != null ? pool.cpupool() : s.getXen();
			String name = pool.cpupool() != null ? "cpupool '" + pool.name() + "'" : "Pool-0";
			boolean sound = true;
			for (Domain d : pool.domains()) {
				if (!d.isSetRtBudget()) {
					out.report(INFO, d, NAMED__NAME, "domain '" + d.getName() + "' runs in ARINC 653 " + name + " without a budget, so it "
							+ "never runs: give it one ('budget 2ms per 10ms')");
					sound = false;
				}
				if (d.getVcpus() != 1) {
					out.report(INFO, d, DOMAIN__VCPUS, "domain '" + d.getName() + "' has " + d.getVcpus() + " vCPUs; an ARINC 653 "
							+ "partition has one (Xen's scheduler runs one vCPU per slot on the pool's one CPU): give it 'vcpus 1'");
					sound = false;
				}
			}
			if (pool.majorFrame() > 0)
				for (Domain d : pool.domains())
					if (d.isSetRtPeriod() && d.getRtPeriod() > 0 && pool.majorFrame() % d.getRtPeriod() != 0) {
						out.report(INFO, pool.cpupool() != null ? pool.cpupool() : at, pool.cpupool() != null ? CPUPOOL__MAJOR_FRAME : null,
								"the major frame of " + name + ", " + Durations.of(pool.majorFrame()) + ", is not a multiple of the period "
										+ Durations.of(d.getRtPeriod()) + " of domain '" + d.getName() + "': make it one, or leave it out "
										+ "for the least common multiple of the periods");
						sound = false;
					}
			if (!sound || !pool.synthesisable()) continue;
			Arinc653Synthesis.Result r = pool.synthesise();
			if (!r.feasible()) {
				Arinc653Synthesis.Miss m = r.miss();
				Domain d = pool.domains().stream().filter(x -> x.getName().equals(m.partition())).findFirst().orElse(null);
				out.report(INFO, d != null ? d : at, d != null ? NAMED__NAME : null, "the partitions of " + name + " need "
						+ String.format(Locale.ROOT, "%.0f%% of its CPU (utilisation %.2f)", 100 * r.utilisation(), r.utilisation())
						+ ": domain '" + m.partition() + "' cannot get its budget in its window " + Durations.of(m.windowStart()) + " to "
						+ Durations.of(m.windowEnd()) + " of the " + Durations.of(r.majorFrame()) + " major frame ("
						+ Durations.of(m.lacking()) + " short): lower a budget, lengthen a period, or move a domain to another pool");
			} else if (r.slots().size() > MAX_SLOTS)
				out.report(INFO, at, pool.cpupool() != null ? NAMED__NAME : null, "the schedule of " + name + " has " + r.slots().size()
						+ " slots in its " + Durations.of(r.majorFrame()) + " major frame, more than the " + MAX_SLOTS
						+ " Xen takes: use periods with a shorter least common multiple");
		}
	}
}
