package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** No CPU is named twice in one domain's pinning. */
public final class CpuOncePerDomain implements Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.pin-duplicate", Severity.ERROR, "No CPU twice in one domain",
			"A CPU listed twice is almost always a typo for another CPU.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			java.util.Set<Integer> seen = new java.util.HashSet<>();
			for (CpuRange r : d.getPin())
				for (int c = r.getFirst(); c <= Systems.lastOf(r) && c - r.getFirst() < 4096; c++)
					if (!seen.add(c))
						out.report(INFO, r, CPU_RANGE__FIRST, "domain '" + d.getName() + "' names CPU " + c
								+ " twice in its pinning");
		}
	}
}
