package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.regex.Pattern;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** A domain name must be usable by xl and as a file and device-tree node name. */
public final class DomainNameValid extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.name-valid", Section.DOMAINS, Severity.ERROR,
			"Domain names are valid for xl, device trees and file names",
			"The name becomes an xl domain name, a /chosen node name and an output file name: letters, digits, "
					+ "'_', '-' and '.', at most 63 characters, starting with a letter, a digit or '_'. 'Domain-0' (in any case) "
					+ "is the name Xen gives dom0 itself.");
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");

	public DomainNameValid() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			String n = d.getName();
			if (n == null) continue;
			if (!VALID.matcher(n).matches() || n.equals(".") || n.equals(".."))
				out.report(INFO, d, NAMED__NAME, "domain name '" + n
						+ "' cannot be used: use letters, digits, '_', '-' or '.', at most 63 characters, starting with a letter, a digit or '_'");
			else if (n.equalsIgnoreCase("Domain-0"))
				out.report(INFO, d, NAMED__NAME, "domain name '" + n + "' is the name Xen gives dom0 itself ('Domain-0'): choose another name");
		}
	}
}
