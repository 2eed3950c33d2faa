package dev.tessera.core.rules.sched;

import static dev.tessera.model.TesseraPackage.Literals.CPUPOOL__CPUS;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;
import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__SCHEDULER;

import java.util.List;
import java.util.Locale;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.sched.Schedules;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Domain;
import dev.tessera.model.Scheduler;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * What Xen's ARINC 653 and RTDS schedulers can run, and that someone applies the budgets: ARINC 653 pools of one CPU
 * (one before 4.21), RTDS pools whose budgets fit their CPUs, and a control domain to set them (Xen takes neither
 * from its device tree).
 */
public final class RealTimePoolsXenRuns extends Rule {
	static final RuleInfo POOL = new RuleInfo("sched.pool", Section.SCHEDULES, Severity.ERROR,
			"A real-time pool is one Xen's scheduler can run",
			"Xen's ARINC 653 scheduler keeps one timeline and runs a pool on one CPU; up to Xen 4.20.0 every ARINC 653 pool shares "
					+ "that timeline (fixed in 4.19.2, 4.20.1 and 4.21), so a system has one such pool before 4.21. With ARINC 653 as "
					+ "Xen's own scheduler, a domain Xen starts at boot takes dom0's only slot (both have the all-zero handle) and dom0 "
					+ "never runs to set the schedule. RTDS gives every vCPU its budget in every period: their sum must fit the pool's CPUs.");
	static final RuleInfo DOM0 = new RuleInfo("sched.dom0", Section.SCHEDULES, Severity.ERROR,
			"A control domain applies the real-time schedules",
			"Xen takes ARINC 653 schedules and RTDS budgets from its toolstack only (libxenctrl, xl sched-rtds), never from its "
					+ "device tree: the generated start script applies them from dom0.");
	static final XenVersion ONE_TIMELINE_PER_POOL = new XenVersion(4, 21);

	public RealTimePoolsXenRuns() {
		super(POOL, DOM0);
	}

	@Override
	public void check(System s, Findings out) {
		List<Schedules.Pool> pools = Schedules.realTimePools(s);
		int arinc = 0;
		for (Schedules.Pool p : pools) {
			if (p.scheduler() == Scheduler.ARINC653) {
				arinc++;
				if (p.cpupool() != null && Schedules.cpus(s, p).size() != 1)
					out.report(POOL, p.cpupool(), CPUPOOL__CPUS, "ARINC 653 cpupool '" + p.name() + "' has " + Schedules.cpus(s, p).size()
							+ " CPUs; Xen's ARINC 653 scheduler runs a pool on one: give it one CPU");
				if (p.cpupool() != null && arinc == 2 && !Systems.xenVersion(s).atLeast(ONE_TIMELINE_PER_POOL))
					out.report(POOL, p.cpupool(), NAMED__NAME, "cpupool '" + p.name() + "' is a second ARINC 653 pool, but Xen "
							+ Systems.xenVersion(s) + " may run every ARINC 653 pool on one timeline (fixed in 4.19.2, 4.20.1 and "
							+ ONE_TIMELINE_PER_POOL + "): one ARINC 653 pool, or target " + ONE_TIMELINE_PER_POOL);
				if (p.cpupool() == null) {
					Domain boot = s.getDomains().stream().filter(d -> Systems.startOf(d) == Start.BOOT && d.getCpupool() == null).findFirst()
							.orElse(null);
					if (boot != null)
						out.report(POOL, s.getXen(), XEN_SETTINGS__SCHEDULER, "with ARINC 653 as Xen's own scheduler, domain '" + boot.getName()
								+ "', which Xen starts at boot, takes dom0's only slot and dom0 never runs to set the schedule: use an "
								+ "ARINC 653 cpupool for the partitions instead");
				}
			} else {
				double need = 0;
				for (Domain d : p.domains())
					if (d.isSetRtBudget() && d.getRtPeriod() > 0) need += Math.max(d.getVcpus(), 1) * (double) d.getRtBudget() / d.getRtPeriod();
				int cpus = Schedules.cpus(s, p).size();
				if (need > cpus + 1e-9)
					out.report(POOL, p.cpupool() != null ? p.cpupool() : s.getXen(), p.cpupool() != null ? NAMED__NAME : XEN_SETTINGS__SCHEDULER,
							"the RTDS budgets of " + (p.cpupool() != null ? "cpupool '" + p.name() + "'" : "Pool-0") + " add up to "
									+ String.format(Locale.ROOT, "%.2f", need) + " CPUs, but it has " + cpus + ": lower budgets or add CPUs");
			}
		}
		boolean budgets = pools.stream().anyMatch(p -> p.domains().stream().anyMatch(d -> d.isSetRtBudget()));
		if (budgets && Systems.dom0(s).isEmpty()) {
			Domain first = pools.stream().flatMap(p -> p.domains().stream()).filter(d -> d.isSetRtBudget()).findFirst().get();
			out.report(DOM0, first, dev.tessera.model.TesseraPackage.Literals.DOMAIN__RT_BUDGET, "domain '" + first.getName()
					+ "' has a budget, but system '" + s.getName() + "' has no control domain to set it (Xen takes budgets from its "
					+ "toolstack only): add one");
		}
	}
}
