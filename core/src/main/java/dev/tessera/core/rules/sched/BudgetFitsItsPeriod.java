package dev.tessera.core.rules.sched;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__RT_BUDGET;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__RT_EXTRATIME;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.sched.Schedules;
import dev.tessera.model.Domain;
import dev.tessera.model.Scheduler;
import dev.tessera.model.System;

/** A time budget is at most its period, and is given where a real-time scheduler reads it. */
public final class BudgetFitsItsPeriod extends Rule {
	static final RuleInfo INFO = new RuleInfo("sched.budget", Section.SCHEDULES, Severity.ERROR,
			"A domain's time budget fits its period, in a pool that schedules by budget",
			"'budget B per P' gives a domain B of CPU time in every period P: as an ARINC 653 partition, or as an RTDS server. "
					+ "A budget above its period can never be met, and a budget in a pool whose scheduler is not ARINC 653 or RTDS "
					+ "(or in Pool-0 under another scheduler) is read by nothing. Extratime is RTDS's: ARINC 653 partitions never "
					+ "run beyond their slots.");

	public BudgetFitsItsPeriod() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			if (!d.isSetRtBudget()) continue;
			long b = d.getRtBudget(), p = d.getRtPeriod();
			if (b <= 0 || p <= 0)
				out.report(INFO, d, DOMAIN__RT_BUDGET, "domain '" + d.getName() + "' has a budget of " + Durations.of(b) + " per "
						+ Durations.of(p) + ": both must be more than 0");
			else if (b > p)
				out.report(INFO, d, DOMAIN__RT_BUDGET, "domain '" + d.getName() + "' asks for " + Durations.of(b) + " in every "
						+ Durations.of(p) + ", more than the period holds: lower the budget or lengthen the period");
			Schedules.Pool pool = Schedules.poolOf(s, d);
			if (pool == null)
				out.report(INFO, d, DOMAIN__RT_BUDGET, "domain '" + d.getName() + "' has a budget, but "
						+ (d.getCpupool() != null ? "cpupool '" + d.getCpupool().getName() + "'" : "Pool-0")
						+ " does not schedule by budgets: put the domain in a cpupool with 'scheduler arinc653' or 'scheduler rtds'");
			else if (pool.scheduler() == Scheduler.ARINC653 && d.isRtExtratime())
				out.report(INFO, d, DOMAIN__RT_EXTRATIME, "domain '" + d.getName() + "' asks for extratime, which only RTDS gives; "
						+ "an ARINC 653 partition runs in its slots only: drop 'extratime'");
		}
	}
}
