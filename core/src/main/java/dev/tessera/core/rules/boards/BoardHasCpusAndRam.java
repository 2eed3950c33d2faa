package dev.tessera.core.rules.boards;

import static dev.tessera.model.TesseraPackage.Literals.SYSTEM__BOARD;
import static dev.tessera.model.TesseraPackage.Literals.REGION__BASE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.RamBank;
import dev.tessera.model.System;

/**
 * A system's board has CPUs and RAM, and a board's RAM banks are disjoint: every placement Tessera makes stands on them.
 * A board alone may leave its RAM out (rpi4: the firmware fills it in, and the board is copied with its banks added).
 */
public final class BoardHasCpusAndRam extends Rule {
	static final RuleInfo INFO = new RuleInfo("board.cpus-ram", Section.SYSTEMS, Severity.ERROR,
			"A system's board has CPUs and RAM, in banks that do not overlap",
			"Xen needs a CPU to run on and RAM to place itself and the domains in; two banks that overlap describe the same "
					+ "memory twice, so Tessera would place two things in it and Xen's memory map would be wrong.");

	public BoardHasCpusAndRam() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		if (b.getClusters().stream().allMatch(c -> c.getCpus().isEmpty()))
			out.report(INFO, s, SYSTEM__BOARD, "system '" + s.getName() + "' runs on board '" + b.getName() + "', which has no CPU: "
					+ "declare a cluster with its cpus");
		if (b.getRam().isEmpty())
			out.report(INFO, s, SYSTEM__BOARD, "system '" + s.getName() + "' runs on board '" + b.getName() + "', which has no RAM: "
					+ "declare its banks with ram NAME BASE size SIZE");
	}

	@Override
	public void check(Board b, Findings out) {
		List<RamBank> banks = new ArrayList<>(b.getRam());
		banks.sort(Comparator.comparingLong(RamBank::getBase));
		for (int i = 1; i < banks.size(); i++) {
			RamBank prev = banks.get(i - 1), bank = banks.get(i);
			if (bank.getBase() < prev.getBase() + prev.getSize())
				out.report(INFO, bank, REGION__BASE, "RAM bank '" + bank.getName() + "' at " + Sizes.hex(bank.getBase())
						+ " overlaps RAM bank '" + prev.getName() + "' (" + Sizes.hex(prev.getBase()) + "-"
						+ Sizes.hex(prev.getBase() + prev.getSize() - 1) + ")");
		}
	}
}
