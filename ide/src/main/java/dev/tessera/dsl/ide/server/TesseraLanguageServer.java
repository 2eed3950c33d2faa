package dev.tessera.dsl.ide.server;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
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

	/** A refused rename (a shipped board's name) reaches the client with its message, not as "Internal error.". */
	@Override
	public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
		return unwrapped(super.rename(params));
	}

	@Override
	public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
		return unwrapped(super.prepareRename(params));
	}

	/** Xtext's request manager wraps what a service throws twice; LSP4J answers with the message of one level only. */
	static <T> CompletableFuture<T> unwrapped(CompletableFuture<T> future) {
		return future.handle((result, failure) -> {
			for (Throwable t = failure; t != null; t = t.getCause())
				if (t instanceof ResponseErrorException e) throw e;
			if (failure instanceof RuntimeException e) throw e;
			if (failure != null) throw new CompletionException(failure);
			return result;
		});
	}

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic d = super.toDiagnostic(issue);
		d.setCode(RuleIds.of(issue.getCode()));
		d.setSource(SOURCE);
		return d;
	}
}
