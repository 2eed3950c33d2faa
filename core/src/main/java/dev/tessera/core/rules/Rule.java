package dev.tessera.core.rules;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.model.Board;
import dev.tessera.model.System;

/**
 * One check over the model, not tied to any syntax: the editor, the CLI and any other input format run the
 * same rules. A rule must cope with a half-written model (what the editor sees while typing): any reference
 * or attribute may be missing.
 */
public interface Rule {
	RuleInfo info();

	/** Every id this rule reports under: its own, and any finer one (a warning beside an error, say). */
	default java.util.List<RuleInfo> infos() {
		return java.util.List.of(info());
	}

	default void check(System system, Findings out) {
	}

	default void check(Board board, Findings out) {
	}
}
