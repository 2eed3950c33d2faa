package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.REGION__BASE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.memory.StaticRegions.Placed;
import dev.tessera.model.Board;
import dev.tessera.model.System;

/** Static memory lies inside one RAM bank. */
public final class StaticMemoryInRam extends Rule {
	static final RuleInfo INFO = new RuleInfo("memory.static-in-ram", Section.MEMORY, Severity.ERROR,
			"Static memory lies inside a RAM bank",
			"Xen fails to acquire static memory that is not RAM (\"failed to acquire static memory\").");

	public StaticMemoryInRam() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		for (Placed r : StaticRegions.of(s))
			if (b.getRam().stream().noneMatch(bank -> r.base() >= bank.getBase() && r.base() + r.size() <= bank.getBase() + bank.getSize()))
				out.report(INFO, r.region(), REGION__BASE, "static memory " + r.range() + " of domain '" + r.domain().getName()
						+ "' is not inside a RAM bank of board '" + b.getName() + "' (" + StaticRegions.banks(b) + ")");
	}
}
