package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.HashMap;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Domain names are unique: they name Xen's domains, device-tree nodes and output files. */
public final class DomainNameUnique extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.name-unique", Section.DOMAINS, Severity.ERROR, "Domain names are unique",
			"Xen, xl and Tessera's output files all identify a domain by its name.");

	public DomainNameUnique() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Map<String, Domain> seen = new HashMap<>();
		for (Domain d : s.getDomains()) {
			if (d.getName() == null) continue;
			Domain first = seen.putIfAbsent(d.getName(), d);
			if (first != null)
				out.report(INFO, d, NAMED__NAME, "domain '" + d.getName() + "' is declared twice in system '"
						+ s.getName() + "': rename one of them");
		}
	}
}
