package dev.tessera.dsl.ide.server;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server as {@code tessera lsp} starts it ({@link ServerMain#run}), on pipes instead of stdio, with a
 * recording client: JSON-RPC included, so what a diagnostic carries survives the trip as it does to an editor.
 */
public final class InProcessServer implements AutoCloseable {
	static final Duration WAIT = Duration.ofSeconds(60);
	public final LanguageServer server;
	public final RecordingClient client = new RecordingClient();
	public final Path root;
	public InitializeResult init;
	private final Map<String, Integer> versions = new HashMap<>();
	private final Map<String, String> texts = new HashMap<>();

	private InProcessServer(Path root) throws IOException {
		this.root = root;
		PipedInputStream serverIn = new PipedInputStream(1 << 16), clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream toServer = new PipedOutputStream(serverIn), toClient = new PipedOutputStream(clientIn);
		ServerMain.run(serverIn, toClient);
		var launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
		launcher.startListening();
		server = launcher.getRemoteProxy();
	}

	/** A server on a fresh workspace folder with the given files (name, text), initialized. */
	public static InProcessServer start(Map<String, String> files) throws Exception {
		Path root = Files.createTempDirectory("tessera-ls");
		for (var f : files.entrySet()) Files.writeString(root.resolve(f.getKey()), f.getValue());
		InProcessServer s = new InProcessServer(root);
		InitializeParams params = new InitializeParams();
		params.setRootUri(root.toUri().toString());
		ClientCapabilities caps = new ClientCapabilities();
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		text.setCompletion(new CompletionCapabilities());
		text.setCodeAction(new CodeActionCapabilities(new CodeActionLiteralSupportCapabilities(
				new CodeActionKindCapabilities(List.of("quickfix", "source"))), false));
		RenameCapabilities rename = new RenameCapabilities();
		rename.setPrepareSupport(true);
		text.setRename(rename);
		text.setSemanticTokens(new SemanticTokensCapabilities(false));
		caps.setTextDocument(text);
		WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
		ws.setExecuteCommand(new ExecuteCommandCapabilities(false));
		caps.setWorkspace(ws);
		params.setCapabilities(caps);
		s.init = s.server.initialize(params).get(120, TimeUnit.SECONDS);
		s.server.initialized(new InitializedParams());
		return s;
	}

	public String uri(String name) {
		return root.resolve(name).toUri().toString();
	}

	public String text(String name) {
		return texts.get(name);
	}

	/** Opens (or replaces the text of) a file and waits for its diagnostics. */
	public List<Diagnostic> edit(String name, String text) throws Exception {
		String uri = uri(name);
		int seen = client.count(uri);
		Integer v = versions.get(name);
		if (v == null) server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tessera", 1, text)));
		else {
			TextDocumentContentChangeEvent ev = new TextDocumentContentChangeEvent(new Range(new Position(0, 0), LspText.end(texts.get(name))), text);
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v + 1), List.of(ev)));
		}
		versions.put(name, v == null ? 1 : v + 1);
		texts.put(name, text);
		return client.await(uri, seen, WAIT).getDiagnostics();
	}

	/**
	 * Returns once the server has done everything asked before: a read request (the outline of a file) runs after every
	 * earlier write (a build), and its answer comes after the diagnostics that build published.
	 */
	public void settle(String name) throws Exception {
		server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri(name)))).get(60, TimeUnit.SECONDS);
	}

	/** The quick fixes the server offers for one diagnostic of a file. */
	public List<CodeAction> quickFixes(String name, Diagnostic d) throws Exception {
		CodeActionParams p = new CodeActionParams(new TextDocumentIdentifier(uri(name)), d.getRange(), new CodeActionContext(List.of(d)));
		List<CodeAction> out = new ArrayList<>();
		for (Either<Command, CodeAction> e : server.getTextDocumentService().codeAction(p).get(60, TimeUnit.SECONDS))
			if (e.isRight() && CodeActionKind.QuickFix.equals(e.getRight().getKind())) out.add(e.getRight());
		return out;
	}

	/** Completion labels at the position of {@code needle}'s n-th occurrence plus delta. */
	public List<CompletionItem> complete(String name, String needle, int delta) throws Exception {
		CompletionParams p = new CompletionParams(new TextDocumentIdentifier(uri(name)), LspText.positionOf(texts.get(name), needle, 0, delta));
		var r = server.getTextDocumentService().completion(p).get(60, TimeUnit.SECONDS);
		return r.isLeft() ? r.getLeft() : r.getRight().getItems();
	}

	/** The text after applying a code action's edits to one file. */
	public String applied(String name, CodeAction a) {
		return LspText.apply(texts.get(name), a.getEdit().getChanges().get(uri(name)));
	}

	@Override
	public void close() {
		try {
			server.shutdown().get(30, TimeUnit.SECONDS);
		} catch (Exception e) {
			// the pipes die with the test JVM anyway
		}
	}

	public static String code(Diagnostic d) {
		return d.getCode() == null ? null : d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
	}

}
