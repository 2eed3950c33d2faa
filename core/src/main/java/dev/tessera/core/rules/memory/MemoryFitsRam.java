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

/** The domains' memory together fits in the board's RAM, less what is reserved. */
public final class MemoryFitsRam implements Rule {
	static final RuleInfo INFO = new RuleInfo("memory.fits", Severity.ERROR, "All domains fit in RAM",
			"Xen cannot create a domain it has no memory for; on a board the system then stops half-booted.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Board b = s.getBoard();
		if (b == null || b.eIsProxy() || b.getRam().isEmpty()) return;
		long ram = b.getRam().stream().mapToLong(RamBank::getSize).sum();
		// Loader areas are free again once Xen runs; only firmware reservations are lost for good.
		long reserved = b.getReserved().stream().filter(r -> !r.isLoader()).mapToLong(ReservedRegion::getSize).sum();
		long available = ram - reserved;
		long wanted = 0;
		StringBuilder breakdown = new StringBuilder();
		for (Domain d : s.getDomains()) {
			if (d.getMemory() <= 0) continue;
			wanted += d.getMemory();
			breakdown.append(breakdown.length() == 0 ? "" : ", ").append(d.getName()).append(' ')
					.append(Sizes.human(d.getMemory()));
		}
		if (wanted > available)
			out.report(INFO, s, NAMED__NAME, "the domains need " + Sizes.human(wanted) + " (" + breakdown
					+ ") but board '" + b.getName() + "' has " + Sizes.human(ram) + " of RAM with "
					+ Sizes.human(reserved) + " reserved by firmware, " + Sizes.human(available) + " available: shrink a domain by "
					+ Sizes.human(wanted - available));
	}
}
