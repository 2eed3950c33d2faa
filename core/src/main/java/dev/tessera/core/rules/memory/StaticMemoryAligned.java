package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Static memory is page-aligned. */
public final class StaticMemoryAligned implements Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-aligned", Severity.ERROR, "Static memory is page-aligned",
			"Xen maps memory in 4 KiB pages; an unaligned region cannot be given to a domain.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (StaticRegion r : StaticRegions.of(d)) {
				long size = StaticRegions.size(d, r);
				if (r.getBase() % 4096 != 0 || size % 4096 != 0)
					out.report(INFO, r, REGION__BASE, "static memory " + Sizes.range(r.getBase(), size) + " of domain '"
							+ d.getName() + "' is not aligned to 4 KiB: align its address and size");
			}
	}
}
