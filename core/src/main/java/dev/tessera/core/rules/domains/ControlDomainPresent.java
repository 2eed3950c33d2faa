package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__START;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Something must run xl: domains started with xl need a control domain. */
public final class ControlDomainPresent extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.control-needed", Section.DOMAINS, Severity.ERROR,
			"Domains started with xl have a control domain to start them",
			"xl runs in dom0; without a control domain nothing ever creates the domain.");

	public ControlDomainPresent() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (Systems.dom0(s).isPresent()) return;
		for (Domain d : Systems.xlDomains(s))
			out.report(INFO, d, DOMAIN__START, "domain '" + d.getName()
					+ "' is started with xl, but system '" + s.getName()
					+ "' has no control domain to run xl: add one, or start the domain at-boot");
	}
}
