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

/** Domain names are unique: they name Xen's domains, device-tree nodes and output files. */
public final class DomainNameUnique implements Rule {
	static final RuleInfo INFO = new RuleInfo("domain.name-unique", Severity.ERROR, "Domain names are unique",
			"Xen, xl and Tessera's output files all identify a domain by its name.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		java.util.Map<String, Domain> seen = new java.util.HashMap<>();
		for (Domain d : s.getDomains()) {
			if (d.getName() == null) continue;
			Domain first = seen.putIfAbsent(d.getName(), d);
			if (first != null)
				out.report(INFO, d, NAMED__NAME, "domain '" + d.getName() + "' is declared twice in system '"
						+ s.getName() + "': rename one of them");
		}
	}
}
