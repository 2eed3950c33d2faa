package dev.tessera.dsl.ide.server;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.validation.Issue;

/**
 * Xtext's language server with Tessera's diagnostics: every diagnostic's code is the id of the rule it comes from,
 * exactly as {@code tessera check} prints it (syntax errors are "syntax", unresolved names "link").
 */
public class TesseraLanguageServer extends LanguageServerImpl {
	public static final String SOURCE = "tessera";

	/**
	 * Xtext answers initialize with "Internal error." when it has no root folder (a client that opened a single
	 * file): such a client gets the server's working folder as its root.
	 */
	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		boolean noFolders = params.getWorkspaceFolders() == null || params.getWorkspaceFolders().isEmpty();
		if (params.getRootUri() == null && noFolders) {
			@SuppressWarnings("deprecation")
			String rootPath = params.getRootPath();
			Path root = rootPath != null ? Path.of(rootPath) : Path.of("").toAbsolutePath();
			params.setRootUri(root.toUri().toString());
		}
		return super.initialize(params);
	}

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic d = super.toDiagnostic(issue);
		d.setCode(RuleIds.of(issue.getCode()));
		d.setSource(SOURCE);
		return d;
	}
}
