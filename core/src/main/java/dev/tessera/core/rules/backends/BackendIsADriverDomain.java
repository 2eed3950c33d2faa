package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.FRONTEND__BACKEND;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.Served;
import dev.tessera.model.Role;
import dev.tessera.model.System;

/** A backend is a driver domain or dom0: xl sets up backends only in domains marked to serve them. */
public final class BackendIsADriverDomain extends Rule {
	static final RuleInfo INFO = new RuleInfo("backend.role", Section.BACKENDS, Severity.ERROR, "Backends are driver domains or dom0, never the domain served",
			"A domain serves devices to others only when it is a driver domain (xl driver_domain=1, running xl devd) or dom0; "
					+ "a domain cannot be the backend of its own devices.");

	public BackendIsADriverDomain() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Served x : Walk.frontends(s))
			if (x.backend() == x.domain())
				out.report(INFO, x.frontend(), FRONTEND__BACKEND, "domain '" + x.domain().getName() + "' cannot serve its own devices: name a driver domain or dom0 after 'from'");
			else if (x.backend().getRole() == Role.GUEST)
				out.report(INFO, x.frontend(), FRONTEND__BACKEND, "domain '" + x.backend().getName() + "' serves domain '"
						+ x.domain().getName() + "' but is a guest: make it 'driver'");
	}
}
