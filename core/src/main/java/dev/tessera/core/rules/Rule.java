package dev.tessera.core.rules;

import java.util.List;
import java.util.stream.Stream;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.model.Board;
import dev.tessera.model.System;

/**
 * One check over the model, not tied to any syntax: the editor, the CLI and any other input format run the
 * same rules. A rule is what it reports under (given to this constructor) and its check; it runs once it is
 * listed in {@link RuleCatalogue}. It must cope with a half-written model (what the editor sees while typing): any
 * reference or attribute may be missing ({@link Walk} has the walks many rules share, which skip what is missing).
 */
public abstract class Rule {
	private final List<RuleInfo> infos;

	/**
	 * @param info  the rule's own id, title and rationale
	 * @param finer any finer id it also reports under (a warning beside an error, say)
	 */
	protected Rule(RuleInfo info, RuleInfo... finer) {
		this.infos = Stream.concat(Stream.of(info), Stream.of(finer)).toList();
	}

	public final RuleInfo info() {
		return infos.get(0);
	}

	/** Every id this rule reports under: its own first, then any finer one. */
	public final List<RuleInfo> infos() {
		return infos;
	}

	public abstract void check(System system, Findings out);

	/** Rules about a board alone override this; a system's rules see its board through the system. */
	public void check(Board board, Findings out) {
	}
}
