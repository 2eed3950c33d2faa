package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Every domain boots a kernel. */
public final class DomainHasKernel extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.kernel", Section.DOMAINS, Severity.ERROR, "Every domain has a kernel",
			"Xen cannot build a domain without a kernel image.");

	public DomainHasKernel() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.getKernel() == null || d.getKernel().getPath() == null || d.getKernel().getPath().isBlank())
				out.report(INFO, d, NAMED__NAME, "domain '" + d.getName() + "' has no kernel: add kernel \"<file>\"");
	}
}
