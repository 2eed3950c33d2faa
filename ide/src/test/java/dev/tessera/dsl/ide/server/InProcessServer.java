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
	public final Client client = new Client();
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
			TextDocumentContentChangeEvent ev = new TextDocumentContentChangeEvent(new Range(new Position(0, 0), end(texts.get(name))), text);
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v + 1), List.of(ev)));
		}
		versions.put(name, v == null ? 1 : v + 1);
		texts.put(name, text);
		return client.await(uri, seen, WAIT).getDiagnostics();
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
		CompletionParams p = new CompletionParams(new TextDocumentIdentifier(uri(name)), positionOf(texts.get(name), needle, 0, delta));
		var r = server.getTextDocumentService().completion(p).get(60, TimeUnit.SECONDS);
		return r.isLeft() ? r.getLeft() : r.getRight().getItems();
	}

	/** The text after applying a code action's edits to one file. */
	public String applied(String name, CodeAction a) {
		return apply(texts.get(name), a.getEdit().getChanges().get(uri(name)));
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

	static Position end(String text) {
		int line = 0, last = 0;
		for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') { line++; last = i + 1; }
		return new Position(line, text.length() - last);
	}

	public static String apply(String text, List<? extends TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
		StringBuilder sb = new StringBuilder(text);
		for (TextEdit e : sorted) sb.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
		return sb.toString();
	}

	public static int offset(String text, Position p) {
		int line = 0, i = 0;
		while (line < p.getLine() && i < text.length()) if (text.charAt(i++) == '\n') line++;
		return Math.min(i + p.getCharacter(), text.length());
	}

	public static Position positionOf(String text, String needle, int n, int delta) {
		int at = -1;
		for (int k = 0; k <= n; k++) {
			at = text.indexOf(needle, at + 1);
			if (at < 0) throw new IllegalArgumentException("'" + needle + "' occurs fewer than " + (n + 1) + " times");
		}
		at += delta;
		String before = text.substring(0, at);
		int line = (int) before.chars().filter(c -> c == '\n').count();
		return new Position(line, at - (before.lastIndexOf('\n') + 1));
	}

	/** Records diagnostics; answers the server's requests with nothing. */
	public static final class Client implements LanguageClient {
		private final Map<String, List<PublishDiagnosticsParams>> diagnostics = new HashMap<>();
		public final List<MessageParams> messages = Collections.synchronizedList(new ArrayList<>());

		@Override
		public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.computeIfAbsent(params.getUri(), k -> new ArrayList<>()).add(params);
			notifyAll();
		}

		public synchronized int count(String uri) {
			return diagnostics.getOrDefault(uri, List.of()).size();
		}

		public synchronized PublishDiagnosticsParams await(String uri, int seen, Duration timeout) throws InterruptedException {
			long end = System.nanoTime() + timeout.toNanos();
			while (count(uri) <= seen) {
				long left = end - System.nanoTime();
				if (left <= 0) throw new IllegalStateException("no diagnostics for " + uri + " within " + timeout);
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			List<PublishDiagnosticsParams> all = diagnostics.get(uri);
			return all.get(all.size() - 1);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
			messages.add(params);
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}

		@Override
		public CompletableFuture<Void> registerCapability(RegistrationParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
			return CompletableFuture.completedFuture(null);
		}
	}
}
