package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Cpupool;
import dev.tessera.model.System;

/** A cpupool has CPUs. */
public final class CpupoolHasCpus extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.empty", Section.CPUPOOLS, Severity.ERROR, "A cpupool has CPUs",
			"Xen cannot create a boot-time cpupool without CPUs, and its domains would never run.");

	public CpupoolHasCpus() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Cpupool p : s.getCpupools())
			if (p.getCpus().isEmpty())
				out.report(INFO, p, NAMED__NAME, "cpupool '" + p.getName() + "' has no CPUs: add cpus <list>");
	}
}
