package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.FRONTEND__BACKEND;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.Served;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** A backend's domain is up before its frontends, and no two domains wait for each other. */
public final class BackendStartsFirst extends Rule {
	static final RuleInfo INFO = new RuleInfo("backend.start-order", Section.BACKENDS, Severity.ERROR, "Backends start before the domains they serve",
			"A frontend connects to its backend when it starts: a domain Xen starts at boot cannot be served by one dom0 starts "
					+ "later with xl, and domains that serve each other can never all start.");

	public BackendStartsFirst() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Served x : Walk.frontends(s)) {
			String d = x.domain().getName(), b = x.backend().getName();
			if (Systems.startOf(x.domain()) == Start.BOOT && Systems.startOf(x.backend()) == Start.XL)
				out.report(INFO, x.frontend(), FRONTEND__BACKEND, "domain '" + d + "' starts at boot but its backend '" + b
						+ "' is started later with xl: start '" + b + "' at-boot too, or '" + d + "' with xl");
		}
		Backends.cycle(s).ifPresent(c -> out.report(INFO, c.get(0), NAMED__NAME, "domains serve each other in a circle ("
				+ String.join(" -> ", c.stream().map(Domain::getName).toList()) + "): none of them can start first"));
	}
}
