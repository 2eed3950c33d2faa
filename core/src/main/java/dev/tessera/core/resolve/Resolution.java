package dev.tessera.core.resolve;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.plan.Plan;

/** What resolving a system gives: a plan when nothing stood in the way, and what was found either way. */
public record Resolution(Plan plan, Findings findings) {
	public boolean ok() {
		return plan != null && !findings.hasErrors();
	}
}
