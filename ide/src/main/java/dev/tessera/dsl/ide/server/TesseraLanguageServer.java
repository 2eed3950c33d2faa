package dev.tessera.dsl.ide.server;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.validation.Issue;

/**
 * Xtext's language server with Tessera's diagnostics: every diagnostic's code is the id of the rule it comes from,
 * exactly as {@code tessera check} prints it (syntax errors are "syntax", unresolved names "link").
 */
public class TesseraLanguageServer extends LanguageServerImpl {
	public static final String SOURCE = "tessera";

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic d = super.toDiagnostic(issue);
		d.setCode(RuleIds.of(issue.getCode()));
		d.setSource(SOURCE);
		return d;
	}
}
