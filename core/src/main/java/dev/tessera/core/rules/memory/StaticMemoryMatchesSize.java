package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__MEMORY;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__STATIC_MEMORY;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** A domain's memory equals the sum of its static regions; Xen panics at boot otherwise. */
public final class StaticMemoryMatchesSize extends Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-size", Section.MEMORY, Severity.ERROR,
			"A domain's memory equals its static regions",
			"Xen 4.17 panics at boot (\"Size of memory property doesn't match up\") when they differ. A single static "
					+ "region may leave its size out and takes the domain's memory; of several regions each gives its size.");

	public StaticMemoryMatchesSize() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			if (d.getStaticMemory().isEmpty() || d.getMemory() <= 0) continue;
			if (d.getStaticMemory().size() == 1 && d.getStaticMemory().get(0).getSize() == 0) continue; // size = memory
			if (d.getStaticMemory().stream().anyMatch(r -> r.getSize() == 0))
				out.report(INFO, d, DOMAIN__STATIC_MEMORY, "domain '" + d.getName()
						+ "' has several static regions: give each its size");
			else if (Systems.staticTotal(d) != d.getMemory())
				out.report(INFO, d, DOMAIN__MEMORY, "domain '" + d.getName() + "' has memory "
						+ Sizes.human(d.getMemory()) + " but its static regions add up to "
						+ Sizes.human(Systems.staticTotal(d)) + ": make them equal");
		}
	}
}
