package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__VCPUS;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** A domain has at least one vCPU. */
public final class DomainHasVcpus extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.vcpus", Section.DOMAINS, Severity.ERROR, "Every domain has at least one vCPU",
			"A domain with no vCPU never runs.");

	public DomainHasVcpus() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.getVcpus() < 1)
				out.report(INFO, d, DOMAIN__VCPUS, "domain '" + d.getName() + "' has " + d.getVcpus()
						+ " vCPUs: give it at least 1");
	}
}
