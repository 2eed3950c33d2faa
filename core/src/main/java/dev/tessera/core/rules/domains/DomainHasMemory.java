package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__MEMORY;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Every domain declares its memory. */
public final class DomainHasMemory extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.memory", Section.DOMAINS, Severity.ERROR, "Every domain has memory, in whole MiB",
			"Xen needs the amount of memory of every domain it builds; there is no useful default. xl takes memory in MiB "
					+ "and Tessera writes it so for every domain: an amount that is not a whole number of MiB is refused.");

	public DomainHasMemory() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			if (d.getMemory() <= 0)
				out.report(INFO, d, NAMED__NAME, "domain '" + d.getName() + "' declares no memory: add memory <size>, e.g. memory 256M");
			else if (d.getMemory() % Sizes.MIB != 0)
				out.report(INFO, d, DOMAIN__MEMORY, "domain '" + d.getName() + "' has " + d.getMemory()
						+ " bytes of memory, not a whole number of MiB: give it in MiB, e.g. memory 256M");
		}
	}
}
