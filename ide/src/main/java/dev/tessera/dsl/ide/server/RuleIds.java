package dev.tessera.dsl.ide.server;

import java.util.Optional;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.rules.RuleCatalogue;
import dev.tessera.dsl.validation.TesseraValidator;

/** The language server's view of rule ids: an Xtext issue's code as the CLI reads it, and a rule by its id. */
public final class RuleIds {
	private RuleIds() {
	}

	/** The rule id for an issue code, as the CLI's loader reads it: "syntax" and "link" for Xtext's own. */
	public static String of(String code) {
		return TesseraValidator.ruleId(code);
	}

	public static Optional<RuleInfo> find(String id) {
		return RuleCatalogue.find(id);
	}
}
