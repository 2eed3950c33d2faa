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

import dev.tessera.dsl.ide.server.LspText;
import dev.tessera.dsl.ide.server.RecordingClient;

/**
 * The real server jar ({@code java -jar tessera.jar lsp}) in its own process, driven over stdio by an LSP4J client,
 * as an editor drives it. Also used by the responsiveness benchmark in bench/.
 */
public final class ServerProcess implements AutoCloseable {
	public final Process process;
	public final LanguageServer server;
	public final RecordingClient client;
	public final Path stderr;

	private ServerProcess(Process process, LanguageServer server, RecordingClient client, Path stderr) {
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
		RecordingClient client = new RecordingClient();
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
		TextDocumentContentChangeEvent ev = new TextDocumentContentChangeEvent(new Range(new Position(0, 0), LspText.end(oldText)), newText);
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(ev)));
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
}
