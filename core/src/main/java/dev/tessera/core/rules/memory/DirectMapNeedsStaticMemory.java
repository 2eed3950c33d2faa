package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__DIRECT_MAP;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** Direct map needs static memory: Xen can only map 1:1 memory it was told the address of. */
public final class DirectMapNeedsStaticMemory extends Rule {
	static final RuleInfo INFO = new RuleInfo("memory.direct-map-static", Section.MEMORY, Severity.ERROR,
			"Direct map only with static memory",
			"Xen's direct-map property is only available when the domain's memory is statically allocated.");

	public DirectMapNeedsStaticMemory() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (d.isDirectMap() && !d.isStaticAllocation() && Systems.startOf(d) == Start.BOOT)
				out.report(INFO, d, DOMAIN__DIRECT_MAP, "domain '" + d.getName()
						+ "' is direct-mapped but its memory is not static: write 'memory <size> static'");
	}
}
