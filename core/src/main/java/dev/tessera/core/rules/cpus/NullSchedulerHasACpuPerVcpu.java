package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.HashSet;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.Scheduler;
import dev.tessera.model.System;

/** Under the null scheduler every vCPU needs a CPU of its own. */
public final class NullSchedulerHasACpuPerVcpu extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.null-vcpus", Section.CPUS, Severity.WARNING, "The null scheduler has a CPU for every vCPU",
			"The null scheduler never shares a CPU: a vCPU without one of its own never runs.");

	public NullSchedulerHasACpuPerVcpu() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Cpupool p : s.getCpupools()) {
			if (p.getScheduler() != Scheduler.NULL) continue;
			int cpus = new HashSet<>(Systems.expand(p.getCpus())).size();
			int vcpus = 0;
			for (Domain d : s.getDomains()) if (d.getCpupool() == p) vcpus += Math.max(d.getVcpus(), 0);
			if (vcpus > cpus)
				out.report(INFO, p, NAMED__NAME, "cpupool '" + p.getName() + "' uses the null scheduler with " + cpus
						+ " CPU(s) for " + vcpus + " vCPUs: " + (vcpus - cpus) + " vCPU(s) will never run");
		}
	}
}
