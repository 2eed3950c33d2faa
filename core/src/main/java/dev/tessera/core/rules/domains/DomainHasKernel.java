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

/** Every domain boots a kernel. */
public final class DomainHasKernel implements Rule {
	static final RuleInfo INFO = new RuleInfo("domain.kernel", Severity.ERROR, "Every domain has a kernel",
			"Xen cannot build a domain without a kernel image.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.getKernel() == null || d.getKernel().getPath() == null || d.getKernel().getPath().isBlank())
				out.report(INFO, d, NAMED__NAME, "domain '" + d.getName() + "' has no kernel: add kernel \"<file>\"");
	}
}
