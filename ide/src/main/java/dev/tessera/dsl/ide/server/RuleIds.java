package dev.tessera.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.diagnostics.Diagnostic;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.rules.RuleRegistry;
import dev.tessera.dsl.validation.LanguageRules;

/** Maps an Xtext issue code to a Tessera rule id, the way the CLI does (ModelLoader), and finds a rule by id. */
public final class RuleIds {
	private static volatile List<RuleInfo> all;

	private RuleIds() {
	}

	/** The rule id for an issue code: the code itself for the catalogue's rules, "syntax" for parser errors. */
	public static String of(String code) {
		if (code == null || code.equals(Diagnostic.SYNTAX_DIAGNOSTIC) || code.startsWith("org.eclipse.xtext.diagnostics.Diagnostic.Syntax"))
			return LanguageRules.SYNTAX.id();
		if (code.equals(Diagnostic.LINKING_DIAGNOSTIC)) return LanguageRules.LINK.id();
		if (code.startsWith("org.eclipse.xtext")) return LanguageRules.SYNTAX.id();
		return code;
	}

	/** Every rule the editor can report: the language's own, the model rules and what resolution reports. */
	public static List<RuleInfo> catalogue() {
		if (all == null) {
			List<RuleInfo> list = new ArrayList<>(LanguageRules.ALL);
			list.addAll(RuleRegistry.catalogue());
			list.add(RuleRegistry.INTERNAL);
			all = List.copyOf(list);
		}
		return all;
	}

	public static Optional<RuleInfo> find(String id) {
		return catalogue().stream().filter(r -> r.id().equals(id)).findFirst();
	}
}
