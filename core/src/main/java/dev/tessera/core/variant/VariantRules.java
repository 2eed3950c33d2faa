package dev.tessera.core.variant;

import java.util.List;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;

/** What applying a variant to its system can report before the model rules see the result. */
public final class VariantRules {
	public static final RuleInfo UNKNOWN_DOMAIN = new RuleInfo("variant.unknown-domain", Section.VARIANTS, Severity.ERROR,
			"A variant changes or removes only domains the system has",
			"A variant is the system with changes applied: a change to a domain the system does not declare (a typo, or a "
					+ "domain renamed in the base) would otherwise silently change nothing.");
	public static final RuleInfo UNKNOWN_PASSTHROUGH = new RuleInfo("variant.unknown-passthrough", Section.VARIANTS, Severity.ERROR,
			"A variant removes only passthroughs the domain has",
			"'without passthrough' names a device the domain passes through in the system; anything else changes nothing.");
	public static final RuleInfo CONFLICT = new RuleInfo("variant.conflict", Section.VARIANTS, Severity.ERROR,
			"A variant's changes do not contradict each other",
			"Two changes of one variant to the same thing (the board twice, a domain removed and changed, a device added and "
					+ "removed, a domain added that the system already has) have no order that makes both true; two variants of one "
					+ "name, or one named like its system, would write the same output folder.");
	public static final RuleInfo STILL_USED = new RuleInfo("variant.still-used", Section.VARIANTS, Severity.ERROR,
			"A domain a variant removes is named nowhere else",
			"Removing a domain that shared memory, an event channel, a GPU share or a frontend still names would leave "
					+ "them pointing at nothing: remove or change those in the variant too.");
	public static final RuleInfo BOARD_LACKS = new RuleInfo("variant.board-lacks", Section.VARIANTS, Severity.ERROR,
			"A variant's board has every device the system names",
			"When a variant changes the board, the system's devices (console, passthroughs, GPU) are looked up by name on "
					+ "the new board: one it lacks cannot be generated.");
	public static final List<RuleInfo> ALL = List.of(UNKNOWN_DOMAIN, UNKNOWN_PASSTHROUGH, CONFLICT, STILL_USED, BOARD_LACKS);

	private VariantRules() {
	}
}
