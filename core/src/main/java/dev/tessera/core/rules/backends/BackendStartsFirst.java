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

/** A backend's domain is up before its frontends, and no two domains wait for each other. */
public final class BackendStartsFirst implements Rule {
	static final RuleInfo INFO = new RuleInfo("backend.start-order", Severity.ERROR, "Backends start before the domains they serve",
			"A frontend connects to its backend when it starts: a domain Xen starts at boot cannot be served by one dom0 starts "
					+ "later with xl, and domains that serve each other can never all start.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends()) {
				Domain b = f.getBackend();
				if (b == null || b.eIsProxy() || b == d) continue;
				if (Systems.startOf(d) == Start.BOOT && Systems.startOf(b) == Start.XL)
					out.report(INFO, f, FRONTEND__BACKEND, "domain '" + d.getName() + "' starts at boot but its backend '" + b.getName()
							+ "' is started later with xl: start '" + b.getName() + "' at-boot too, or '" + d.getName() + "' with xl");
			}
		Backends.cycle(s).ifPresent(c -> out.report(INFO, c.get(0), NAMED__NAME, "domains serve each other in a circle ("
				+ String.join(" -> ", c.stream().map(Domain::getName).toList()) + "): none of them can start first"));
	}
}
