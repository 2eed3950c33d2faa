package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CPUPOOL;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** dom0 runs in Pool-0; a cpupool is for domains Xen creates at boot. */
public final class CpupoolNotForDom0 extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.domain", Section.CPUPOOLS, Severity.ERROR,
			"Only domains started at boot name a boot-time cpupool",
			"dom0 always starts in Pool-0; boot-time cpupools are created by Xen for the domains it starts at boot.");

	public CpupoolNotForDom0() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.getCpupool() != null && Systems.startOf(d) == Start.DOM0)
				out.report(INFO, d, DOMAIN__CPUPOOL, "domain '" + d.getName()
						+ "' is dom0, which always starts in Pool-0: remove 'pool'");
			else if (d.getCpupool() != null && Systems.startOf(d) == Start.XL)
				out.report(INFO, d, DOMAIN__CPUPOOL, "domain '" + d.getName()
						+ "' is started with xl, but boot-time cpupools are only for domains started at-boot: remove 'pool'");
	}
}
