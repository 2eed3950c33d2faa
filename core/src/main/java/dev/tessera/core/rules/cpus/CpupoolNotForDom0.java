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

/**
 * dom0 runs in Pool-0. Domains Xen starts at boot name their pool in the host tree; domains started with xl name it in
 * their xl.cfg, once the start script has given the boot-time pool its name.
 */
public final class CpupoolNotForDom0 extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.domain", Section.CPUPOOLS, Severity.ERROR,
			"dom0 names no cpupool",
			"dom0 always starts in Pool-0, where Xen puts every CPU no cpupool takes; domains started at boot or with xl may name a pool.");

	public CpupoolNotForDom0() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.getCpupool() != null && Systems.startOf(d) == Start.DOM0)
				out.report(INFO, d, DOMAIN__CPUPOOL, "domain '" + d.getName()
						+ "' is dom0, which always starts in Pool-0: remove 'pool'");
	}
}
