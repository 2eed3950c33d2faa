package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.CPU_RANGE__FIRST;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** No CPU is named twice in one domain's pinning. */
public final class CpuOncePerDomain extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.pin-duplicate", Section.CPUS, Severity.ERROR, "No CPU twice in one domain",
			"A CPU listed twice is almost always a typo for another CPU.");

	public CpuOncePerDomain() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			Set<Integer> seen = new HashSet<>();
			for (CpuRange r : d.getPin())
				for (int c : Systems.expand(List.of(r)))
					if (!seen.add(c))
						out.report(INFO, r, CPU_RANGE__FIRST, "domain '" + d.getName() + "' names CPU " + c
								+ " twice in its pinning: name it once");
		}
	}
}
