package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.Domain;
import dev.tessera.model.RamBank;
import dev.tessera.model.ReservedRegion;
import dev.tessera.model.System;

/** The domains' memory together fits in the board's RAM, less what is reserved. */
public final class MemoryFitsRam extends Rule {
	static final RuleInfo INFO = new RuleInfo("memory.fits", Section.MEMORY, Severity.ERROR, "All domains fit in RAM",
			"Xen cannot create a domain it has no memory for; on a board the system then stops half-booted. The domains' "
					+ "memory together must fit the board's RAM less the regions the firmware reserves (regions reserved for the "
					+ "boot loader are free again once Xen runs).");

	/** How many domains the message names. */
	static final int LISTED = 5;

	public MemoryFitsRam() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null || b.getRam().isEmpty()) return;
		long ram = b.getRam().stream().mapToLong(RamBank::getSize).sum();
		// Loader areas are free again once Xen runs; only firmware reservations are lost for good.
		long reserved = b.getReserved().stream().filter(r -> !r.isLoader()).mapToLong(ReservedRegion::getSize).sum();
		long available = ram - reserved;
		long wanted = 0;
		int counted = 0;
		StringBuilder breakdown = new StringBuilder();
		for (Domain d : s.getDomains()) {
			if (d.getMemory() <= 0) continue;
			wanted += d.getMemory();
			if (counted++ < LISTED)
				breakdown.append(breakdown.length() == 0 ? "" : ", ").append('\'').append(d.getName()).append("' ")
						.append(Sizes.human(d.getMemory()));
		}
		// a thousand domains named in one line help no one: the first few, and how many more
		if (counted > LISTED) breakdown.append(" and ").append(counted - LISTED).append(" more");
		if (wanted > available)
			out.report(INFO, s, NAMED__NAME, "the domains need " + Sizes.human(wanted) + " (" + breakdown
					+ ") but board '" + b.getName() + "' has " + Sizes.human(ram) + " of RAM with "
					+ Sizes.human(reserved) + " reserved by firmware, " + Sizes.human(available) + " available: shrink the domains by "
					+ Sizes.human(wanted - available));
	}
}
