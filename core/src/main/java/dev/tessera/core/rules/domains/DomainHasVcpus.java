package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A domain has at least one vCPU. */
public final class DomainHasVcpus implements Rule {
	static final RuleInfo INFO = new RuleInfo("domain.vcpus", Severity.ERROR, "Every domain has at least one vCPU",
			"A domain with no vCPU never runs.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.getVcpus() < 1)
				out.report(INFO, d, DOMAIN__VCPUS, "domain '" + d.getName() + "' has " + d.getVcpus()
						+ " vCPUs: give it at least 1");
	}
}
