package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.REGION__BASE;

import java.util.List;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.memory.StaticRegions.Placed;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.ReservedRegion;
import dev.tessera.model.System;

/** A static region overlaps no other static region (of any domain, its own included) and no reserved region. */
public final class StaticMemoryOverlapsNothing extends Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-overlap", Section.MEMORY, Severity.ERROR,
			"Static memory overlaps nothing else",
			"Two domains on the same memory corrupt each other, and Xen cannot give one domain the same memory twice; "
					+ "memory the board reserves (for the firmware or the boot loader) is not Xen's to give.");

	public StaticMemoryOverlapsNothing() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		List<Placed> all = StaticRegions.of(s);
		for (Placed r : all) {
			// against the regions declared before this one, of its own domain too: they come first, domain by domain
			for (Placed q : all) {
				if (q == r) break;
				if (r.overlaps(q.base(), q.size()))
					out.report(INFO, r.region(), REGION__BASE, "static memory " + r.range() + " of domain '" + r.domain().getName()
							+ "' overlaps " + q.range() + " of domain '" + q.domain().getName() + "'");
			}
			if (b == null) continue;
			for (ReservedRegion res : b.getReserved())
				if (r.overlaps(res.getBase(), res.getSize()))
					out.report(INFO, r.region(), REGION__BASE, "static memory " + r.range() + " of domain '" + r.domain().getName()
							+ "' overlaps reserved region '" + res.getName() + "' " + Sizes.range(res.getBase(), res.getSize())
							+ " of board '" + b.getName() + "'");
		}
	}
}
