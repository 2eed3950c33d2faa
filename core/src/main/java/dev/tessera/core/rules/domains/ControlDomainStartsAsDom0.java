package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__START;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Domain;
import dev.tessera.model.Role;
import dev.tessera.model.System;

/** The control domain is dom0: Xen starts it, neither as a dom0less domain nor with xl. */
public final class ControlDomainStartsAsDom0 extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.control-start", Section.DOMAINS, Severity.ERROR,
			"The control domain starts as dom0",
			"Xen builds dom0 from the dom0 kernel module; a control domain cannot be dom0less or created by xl.");

	public ControlDomainStartsAsDom0() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.getRole() == Role.CONTROL && d.isSetStart())
				out.report(INFO, d, DOMAIN__START, "control domain '" + d.getName() + "' is started as dom0 by Xen; '"
						+ d.getStart().getLiteral() + "' does not apply: remove it");
	}
}
