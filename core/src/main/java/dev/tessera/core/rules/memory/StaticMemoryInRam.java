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

/** Static memory lies inside one RAM bank. */
public final class StaticMemoryInRam implements Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-in-ram", Severity.ERROR,
			"Static memory lies inside a RAM bank",
			"Xen fails to acquire static memory that is not RAM (\"failed to acquire static memory\").");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Board b = s.getBoard();
		if (b == null || b.eIsProxy()) return;
		for (Domain d : s.getDomains())
			for (StaticRegion r : StaticRegions.of(d)) {
				boolean inside = b.getRam().stream().anyMatch(
						bank -> r.getBase() >= bank.getBase() && r.getBase() + size(d, r) <= bank.getBase() + bank.getSize());
				if (!inside)
					out.report(INFO, r, REGION__BASE, "static memory " + Sizes.range(r.getBase(), size(d, r)) + " of domain '"
							+ d.getName() + "' is not inside a RAM bank of board '" + b.getName() + "' ("
							+ StaticRegions.banks(b) + ")");
			}
	}

	static long size(Domain d, StaticRegion r) {
		return StaticRegions.size(d, r);
	}
}
