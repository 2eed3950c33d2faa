package dev.tessera.editors;

import java.io.IOException;
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

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The real server jar ({@code java -jar tessera.jar lsp}) in its own process, driven over stdio by an LSP4J client,
 * as an editor drives it. Also used by the responsiveness benchmark in bench/.
 */
public final class ServerProcess implements AutoCloseable {
	public final Process process;
	public final LanguageServer server;
	public final Client client;
	public final Path stderr;

	private ServerProcess(Process process, LanguageServer server, Client client, Path stderr) {
		this.process = process;
		this.server = server;
		this.client = client;
		this.stderr = stderr;
	}

	public static Path jar() {
		Path jar = Path.of(System.getProperty("tessera.jar", "../cli/target/tessera.jar")).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: build the cli module first");
		return jar;
	}

	public static Path repo() {
		return Path.of(System.getProperty("tessera.root", "..")).toAbsolutePath().normalize();
	}

	public static ServerProcess start(String... jvmArgs) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> cmd = new ArrayList<>(List.of(java));
		cmd.addAll(List.of(jvmArgs));
		cmd.addAll(List.of("-jar", jar().toString(), "lsp"));
		Path err = Files.createTempFile("tessera-lsp", ".log");
		Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
		Client client = new Client();
		var launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
		launcher.startListening();
		return new ServerProcess(p, launcher.getRemoteProxy(), client, err);
	}

	/** initialize (with rootUri, as Xtext needs) and initialized. */
	public InitializeResult initialize(Path root) throws Exception {
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		params.setRootUri(root.toUri().toString());
		ClientCapabilities caps = new ClientCapabilities();
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		text.setHover(new HoverCapabilities(List.of("markdown", "plaintext"), false));
		text.setCompletion(new CompletionCapabilities());
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		text.setCodeAction(new CodeActionCapabilities(new CodeActionLiteralSupportCapabilities(
				new CodeActionKindCapabilities(List.of("quickfix", "source"))), false));
		caps.setTextDocument(text);
		WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
		ws.setExecuteCommand(new ExecuteCommandCapabilities(false));
		caps.setWorkspace(ws);
		params.setCapabilities(caps);
		InitializeResult result = server.initialize(params).get(120, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		return result;
	}

	public void open(String uri, String text, int version) {
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tessera", version, text)));
	}

	/** Sends the whole new text (the server syncs incrementally; a full-range change is one of those). */
	public void change(String uri, String oldText, String newText, int version) {
		TextDocumentContentChangeEvent ev = new TextDocumentContentChangeEvent(new Range(new Position(0, 0), end(oldText)), newText);
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(ev)));
	}

	static Position end(String text) {
		int line = 0, last = 0;
		for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') { line++; last = i + 1; }
		return new Position(line, text.length() - last);
	}

	/** shutdown, exit; the exit code of the process (which must end by itself). */
	public int shutdown() throws Exception {
		server.shutdown().get(30, TimeUnit.SECONDS);
		server.exit();
		if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the server did not exit after 'exit'");
		return process.exitValue();
	}

	@Override
	public void close() {
		if (process.isAlive()) process.destroyForcibly();
	}

	/** Applies LSP text edits to a text (as an editor does). */
	public static String apply(String text, List<? extends TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> {
			int c = Integer.compare(b.getRange().getStart().getLine(), a.getRange().getStart().getLine());
			return c != 0 ? c : Integer.compare(b.getRange().getStart().getCharacter(), a.getRange().getStart().getCharacter());
		});
		StringBuilder sb = new StringBuilder(text);
		for (TextEdit e : sorted) sb.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
		return sb.toString();
	}

	public static int offset(String text, Position p) {
		int line = 0, i = 0;
		while (line < p.getLine() && i < text.length()) if (text.charAt(i++) == '\n') line++;
		return Math.min(i + p.getCharacter(), text.length());
	}

	/** Position (0-based) of the n-th occurrence (from 0) of needle, plus delta characters. */
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

	/** The client side: records diagnostics and messages; answers the server's requests. */
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

		/** Waits for a publication for uri after the first {@code seen} ones; returns it. */
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
