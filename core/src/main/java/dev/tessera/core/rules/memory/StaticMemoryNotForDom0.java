package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__DIRECT_MAP;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__STATIC_ALLOCATION;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** Static memory and direct map are for domains Xen creates at boot. */
public final class StaticMemoryNotForDom0 extends Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-boot-only", Section.MEMORY, Severity.ERROR,
			"Static memory and direct map are for dom0less domains",
			"Xen reads xen,static-mem and direct-map only from the domain nodes it creates at boot; dom0 and xl "
					+ "domains would silently get ordinary memory.");

	public StaticMemoryNotForDom0() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			if (Systems.startOf(d) == Start.BOOT) continue;
			String how = Systems.startOf(d) == Start.DOM0 ? "dom0" : "started with xl";
			if (d.isStaticAllocation())
				out.report(INFO, d, DOMAIN__STATIC_ALLOCATION, "domain '" + d.getName() + "' is " + how
						+ ": static memory applies only to domains started at-boot");
			else if (d.isDirectMap())
				out.report(INFO, d, DOMAIN__DIRECT_MAP, "domain '" + d.getName() + "' is " + how
						+ ": direct-map applies only to domains started at-boot");
		}
	}
}
