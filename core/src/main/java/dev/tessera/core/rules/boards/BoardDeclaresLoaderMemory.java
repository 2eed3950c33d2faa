package dev.tessera.core.rules.boards;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;
import static dev.tessera.model.TesseraPackage.Literals.SYSTEM__BOARD;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.model.Addressing;
import dev.tessera.model.Board;
import dev.tessera.model.BootSettings;
import dev.tessera.model.ReservedRegion;
import dev.tessera.model.System;

/**
 * A board with RAM declares the memory its boot loader occupies ({@code reserved … loader}): U-Boot's relocated
 * code, heap, stack and device tree at the top of the RAM it uses (U-Boot common/board_f.c, setup_dest_addr), and a
 * device tree the firmware left in RAM. Tessera places the files its boot script loads around it; a board without
 * one gets Xen loaded over the loader that is running the script. Reported on a board file, and on a system whose
 * board is in another file when the system's script loads at fixed addresses (with {@code addressing dynamic}
 * U-Boot places the files itself, clear of its own memory; {@code preloaded} loads nothing).
 */
public final class BoardDeclaresLoaderMemory extends Rule {
	static final RuleInfo INFO = new RuleInfo("board.loader-memory", Section.SYSTEMS, Severity.WARNING,
			"A board declares the memory its boot loader occupies",
			"Tessera places Xen and every boot module in free RAM, and only what the board reserves is not free. U-Boot runs the "
					+ "boot script from its own relocated copy at the top of its RAM, with its heap, stack and device tree there; a "
					+ "firmware may leave another device tree in RAM. A board that declares none of it (a board just imported from "
					+ "a kernel tree) lets the script load Xen over the loader, and nothing boots.");

	public BoardDeclaresLoaderMemory() {
		super(INFO);
	}

	@Override
	public void check(Board b, Findings out) {
		if (lacksLoaderMemory(b))
			out.report(INFO, b, NAMED__NAME, "board '" + b.getName() + "' declares no memory its boot loader occupies: add "
					+ "'reserved NAME BASE size SIZE loader' for U-Boot's relocation area (the top of the RAM it uses; 'bdinfo' "
					+ "prints relocaddr) and any device tree the firmware leaves in RAM, or the boot script may load Xen over them");
	}

	/** By the file's URI: a variant's system is a copy that lies in a resource of its own with its file's URI. */
	private static boolean sameFile(Board b, System s) {
		if (b.eResource() == s.eResource()) return true;
		return b.eResource() != null && s.eResource() != null && b.eResource().getURI() != null
				&& b.eResource().getURI().equals(s.eResource().getURI());
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null || !lacksLoaderMemory(b) || sameFile(b, s)) return;
		BootSettings boot = s.getBoot();
		if (boot != null && (boot.isPreloaded() || boot.getAddressing() == Addressing.DYNAMIC)) return;
		out.report(INFO, s, SYSTEM__BOARD, "system '" + s.getName() + "' loads its files at fixed addresses on board '" + b.getName()
				+ "', which declares no memory its boot loader occupies: the boot script may load Xen over U-Boot; declare "
				+ "'reserved … loader' in the board (or a copy of it), or use 'boot { addressing dynamic }'");
	}

	private static boolean lacksLoaderMemory(Board b) {
		return !b.getRam().isEmpty() && b.getReserved().stream().noneMatch(ReservedRegion::isLoader);
	}
}
