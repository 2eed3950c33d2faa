package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A backend is a driver domain or dom0: xl sets up backends only in domains marked to serve them. */
public final class BackendIsADriverDomain implements Rule {
	static final RuleInfo INFO = new RuleInfo("backend.role", Severity.ERROR, "Backends are served by driver domains or dom0",
			"A domain serves devices to others only when it is a driver domain (xl driver_domain=1, running xl devd) or dom0.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends()) {
				Domain b = f.getBackend();
				if (b == null || b.eIsProxy()) continue;
				if (b == d)
					out.report(INFO, f, FRONTEND__BACKEND, "domain '" + d.getName() + "' cannot serve its own devices");
				else if (b.getRole() == Role.GUEST)
					out.report(INFO, f, FRONTEND__BACKEND, "domain '" + b.getName() + "' serves domain '" + d.getName()
							+ "' but is a guest: make it 'driver'");
			}
	}
}
