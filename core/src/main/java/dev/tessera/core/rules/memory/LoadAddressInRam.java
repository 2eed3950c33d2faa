package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.BOOT_SETTINGS__LOAD_ADDRESS;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.System;

/** The address placement starts at is RAM: the planner would otherwise start at the next bank, ignoring it. */
public final class LoadAddressInRam extends Rule {
	static final RuleInfo INFO = new RuleInfo("boot.load-address", Section.BOOT, Severity.ERROR,
			"The load address lies in RAM",
			"Files are placed from the load address on; one outside every RAM bank cannot hold them, and Tessera would "
					+ "place them somewhere else than the address that was asked for.");

	public LoadAddressInRam() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null || b.getRam().isEmpty() || s.getBoot() == null || !s.getBoot().isSetLoadAddress()) return;
		long a = s.getBoot().getLoadAddress();
		if (b.getRam().stream().noneMatch(bank -> a >= bank.getBase() && a - bank.getBase() < bank.getSize()))
			out.report(INFO, s.getBoot(), BOOT_SETTINGS__LOAD_ADDRESS, "load address " + Sizes.hex(a) + " is not in RAM: board '"
					+ b.getName() + "' has RAM at " + StaticRegions.banks(b));
	}
}
