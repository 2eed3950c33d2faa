package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.REGION__BASE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.memory.StaticRegions.Placed;
import dev.tessera.model.System;

/** Static memory is page-aligned. */
public final class StaticMemoryAligned extends Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-aligned", Section.MEMORY, Severity.ERROR, "Static memory is page-aligned",
			"Xen maps memory in 4 KiB pages; an unaligned region cannot be given to a domain.");

	public StaticMemoryAligned() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Placed r : StaticRegions.of(s))
			if (r.base() % 4096 != 0 || r.size() % 4096 != 0)
				out.report(INFO, r.region(), REGION__BASE, "static memory " + r.range() + " of domain '" + r.domain().getName()
						+ "' is not aligned to 4 KiB: align its address and size");
	}
}
