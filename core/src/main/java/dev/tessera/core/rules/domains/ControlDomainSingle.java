package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ROLE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Domain;
import dev.tessera.model.Role;
import dev.tessera.model.System;

/** At most one control domain: Xen has exactly one dom0. */
public final class ControlDomainSingle extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.control-single", Section.DOMAINS, Severity.ERROR, "At most one control domain",
			"The control domain is Xen's dom0; a system has one or none.");

	public ControlDomainSingle() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Domain first = null;
		for (Domain d : s.getDomains()) {
			if (d.getRole() != Role.CONTROL) continue;
			if (first == null) first = d;
			else out.report(INFO, d, DOMAIN__ROLE, "domain '" + d.getName() + "' is a second control domain ('"
					+ first.getName() + "' is the first): make it a driver or guest domain");
		}
	}
}
