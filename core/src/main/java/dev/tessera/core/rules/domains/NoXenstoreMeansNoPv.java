package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__NO_XENSTORE;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** A domain whose PV interfaces have no xenstore can neither serve nor use PV devices: they meet through xenstore. */
public final class NoXenstoreMeansNoPv extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.no-xenstore", Section.DOMAINS, Severity.ERROR,
			"A domain without xenstore neither serves nor uses PV devices",
			"'xen-enhanced no-xenstore' gives a domain Xen's grant tables and event channels but no xenstore; PV frontends and "
					+ "backends find each other through xenstore, so none of them would ever connect.");

	public NoXenstoreMeansNoPv() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.isEnhanced() && d.isNoXenstore() && Backends.needsXenstore(s, d))
				out.report(INFO, d, DOMAIN__NO_XENSTORE, "domain '" + d.getName() + "' " + (d.getFrontends().isEmpty() ? "serves" : "uses")
						+ " PV devices but has no xenstore ('no-xenstore'): drop 'no-xenstore'");
	}
}
