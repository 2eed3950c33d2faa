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

/** Static memory overlaps no other domain's static memory and no reserved region. */
public final class StaticMemoryOverlapsNothing implements Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-overlap", Severity.ERROR,
			"Static memory overlaps nothing else",
			"Two domains on the same memory corrupt each other; memory the firmware reserved is not Xen's to give.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		java.util.List<Domain> domains = s.getDomains();
		for (int i = 0; i < domains.size(); i++) {
			Domain d = domains.get(i);
			for (StaticRegion r : StaticRegions.of(d)) {
				long size = StaticRegions.size(d, r);
				for (int j = 0; j < i; j++) {
					Domain e = domains.get(j);
					for (StaticRegion q : StaticRegions.of(e))
						if (Sizes.overlaps(r.getBase(), size, q.getBase(), StaticRegions.size(e, q)))
							out.report(INFO, r, REGION__BASE, "static memory " + Sizes.range(r.getBase(), size)
									+ " of domain '" + d.getName() + "' overlaps " + Sizes.range(q.getBase(), StaticRegions.size(e, q))
									+ " of domain '" + e.getName() + "'");
				}
				Board b = s.getBoard();
				if (b == null || b.eIsProxy()) continue;
				for (ReservedRegion res : b.getReserved())
					if (Sizes.overlaps(r.getBase(), size, res.getBase(), res.getSize()))
						out.report(INFO, r, REGION__BASE, "static memory " + Sizes.range(r.getBase(), size)
								+ " of domain '" + d.getName() + "' overlaps reserved region '" + res.getName() + "' "
								+ Sizes.range(res.getBase(), res.getSize()) + " of board '" + b.getName() + "'");
			}
		}
	}
}
