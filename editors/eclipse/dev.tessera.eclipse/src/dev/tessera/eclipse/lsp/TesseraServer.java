package dev.tessera.eclipse.lsp;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.osgi.framework.Bundle;

import dev.tessera.eclipse.TesseraPlugin;

/**
 * Tessera's own language server ({@code java -jar tessera.jar lsp}) in a process of its own, spoken to over stdio
 * with LSP4J: the same server the VS Code extension runs. One per workspace; its root is the workspace folder, so
 * it checks every .tess file there (and publishes markers for each), not only the open ones.
 * <p>
 * Every message goes out through one thread, in the order asked, after initialize has been answered.
 */
public final class TesseraServer {
	public static final String LANGUAGE_ID = "tessera";
	/** How long a request waits for the server to start (the first start on a cold JVM takes a few seconds). */
	static final long START_TIMEOUT_S = 120;

	private final ExecutorService out = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "tessera-lsp-send");
		t.setDaemon(true);
		return t;
	});
	private final CompletableFuture<LanguageServer> ready = new CompletableFuture<>();
	private volatile Process process;
	private volatile boolean dead, stopping;
	private IResourceChangeListener fileWatcher;
	/** The documents this server has been sent didOpen for (touched on the sending thread only). */
	private final java.util.Map<String, Integer> opened = new java.util.HashMap<>();

	/** Starts the process and initializes it, in the background. */
	public void start() {
		out.execute(() -> {
			try {
				ready.complete(launch());
			} catch (Exception | LinkageError e) {
				dead = true;
				ready.completeExceptionally(e);
				TesseraPlugin.log("Tessera: the language server did not start: " + e.getMessage(), e);
			}
		});
	}

	public boolean isDead() {
		return dead;
	}

	/** The command that starts the server: [java, -jar, tessera.jar, lsp]. */
	public static List<String> command() throws IOException {
		var prefs = TesseraPlugin.getDefault().getPreferenceStore();
		String java = prefs.getString(TesseraPlugin.PREF_JAVA);
		if (java == null || java.isBlank()) java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String jar = prefs.getString(TesseraPlugin.PREF_JAR);
		if (jar == null || jar.isBlank()) jar = bundledJar().toString();
		else if (!Files.isRegularFile(Path.of(jar))) throw new IOException("the server jar " + jar + " (Preferences > Tessera) does not exist");
		return List.of(java, "-jar", jar, "lsp");
	}

	/** server/tessera.jar inside this plugin (as a file: a plugin installed as a jar has it extracted once). */
	public static Path bundledJar() throws IOException {
		Bundle bundle = Platform.getBundle(TesseraPlugin.ID);
		URL entry = bundle == null ? null : FileLocator.find(bundle, new org.eclipse.core.runtime.Path("server/tessera.jar"));
		if (entry == null) throw new IOException("this Tessera plugin has no bundled server (server/tessera.jar): set one under Preferences > Tessera");
		return new File(FileLocator.toFileURL(entry).getPath()).toPath();
	}

	private LanguageServer launch() throws Exception {
		List<String> cmd = command();
		Path root = workspaceRoot();
		Path log = TesseraPlugin.getDefault().getStateLocation().toFile().toPath().resolve("language-server.log");
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
		process = pb.start();
		process.onExit().thenRun(() -> {
			dead = true;
			if (!stopping) TesseraPlugin.log(new Status(IStatus.WARNING, TesseraPlugin.ID,
					"Tessera: the language server exited (" + process.exitValue() + "); its log: " + log));
		});
		ExecutorService in = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "tessera-lsp-receive");
			t.setDaemon(true);
			return t;
		});
		Launcher<LanguageServer> launcher = new Launcher.Builder<LanguageServer>().setLocalService(new Client())
				.setRemoteInterface(LanguageServer.class).setInput(process.getInputStream()).setOutput(process.getOutputStream())
				.setExecutorService(in).create();
		launcher.startListening();
		LanguageServer server = launcher.getRemoteProxy();
		server.initialize(initializeParams(root)).get(START_TIMEOUT_S, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		TesseraPlugin.info("Tessera: language server started: " + String.join(" ", cmd) + " (log: " + log + ")");
		for (Documents.Doc d : Documents.all()) sendOpen(server, d);
		watchFiles();
		return server;
	}

	static Path workspaceRoot() {
		return ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath();
	}

	private static InitializeParams initializeParams(Path root) {
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		params.setRootUri(Documents.uri(root.toUri()));
		params.setClientInfo(new org.eclipse.lsp4j.ClientInfo("Eclipse (Tessera plugin)"));
		ClientCapabilities caps = new ClientCapabilities();
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		text.setHover(new HoverCapabilities(List.of("markdown", "plaintext"), false));
		text.setCompletion(new CompletionCapabilities());
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		text.setCodeAction(new CodeActionCapabilities(
				new CodeActionLiteralSupportCapabilities(new CodeActionKindCapabilities(List.of("quickfix", "source"))), false));
		text.setPublishDiagnostics(new PublishDiagnosticsCapabilities());
		caps.setTextDocument(text);
		WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
		ws.setExecuteCommand(new ExecuteCommandCapabilities(false));
		ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(false));
		ws.setApplyEdit(true);
		caps.setWorkspace(ws);
		params.setCapabilities(caps);
		return params;
	}

	/** A request to the server once it runs; completes with its answer. */
	public <T> CompletableFuture<T> request(Function<LanguageServer, CompletableFuture<T>> op) {
		CompletableFuture<T> result = new CompletableFuture<>();
		out.execute(() -> {
			try {
				LanguageServer s = ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
				op.apply(s).whenComplete((v, e) -> {
					if (e != null) result.completeExceptionally(e);
					else result.complete(v);
				});
			} catch (Exception e) {
				result.completeExceptionally(e);
			}
		});
		return result;
	}

	/** A notification to the server once it runs, after everything asked before. */
	public void notify(Consumer<LanguageServer> op) {
		out.execute(() -> {
			try {
				op.accept(ready.get(START_TIMEOUT_S, TimeUnit.SECONDS));
			} catch (Exception e) {
				if (!stopping) TesseraPlugin.log("Tessera: could not reach the language server", e);
			}
		});
	}

	/** Completes once every message asked for before has been handed to the server. */
	public CompletableFuture<Void> flush() {
		return CompletableFuture.runAsync(() -> {
		}, out);
	}

	void didOpen(Documents.Doc doc) {
		notify(s -> sendOpen(s, doc));
	}

	/** Sends the document as it is now; changes queued before (of an older version) are then skipped. */
	private void sendOpen(LanguageServer s, Documents.Doc doc) {
		if (opened.containsKey(doc.uri)) return;
		String text;
		int version;
		synchronized (doc) {
			text = doc.text;
			version = doc.version;
		}
		opened.put(doc.uri, version);
		s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(doc.uri, LANGUAGE_ID, version, text)));
	}

	void didChange(String uri, int version, Range range, String text) {
		TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(range, text);
		notify(s -> {
			Integer at = opened.get(uri);
			if (at == null || version <= at) return;
			opened.put(uri, version);
			s.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
		});
	}

	void didClose(String uri) {
		notify(s -> {
			if (opened.remove(uri) != null) s.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
		});
	}

	/** Files changed on disk (not through an open editor): the server re-reads them, and what uses them. */
	private void watchFiles() {
		fileWatcher = event -> {
			if (event.getDelta() == null) return;
			List<FileEvent> events = new ArrayList<>();
			try {
				event.getDelta().accept(delta -> {
					IResource r = delta.getResource();
					if (r.getType() != IResource.FILE) return true;
					if (!"tess".equals(r.getFileExtension()) || r.getLocationURI() == null) return false;
					String uri = Documents.uri(r.getLocationURI());
					switch (delta.getKind()) {
					case IResourceDelta.ADDED -> events.add(new FileEvent(uri, FileChangeType.Created));
					case IResourceDelta.REMOVED -> events.add(new FileEvent(uri, FileChangeType.Deleted));
					case IResourceDelta.CHANGED -> {
						if ((delta.getFlags() & IResourceDelta.CONTENT) != 0 && !Documents.isOpen(uri))
							events.add(new FileEvent(uri, FileChangeType.Changed));
					}
					default -> {
					}
					}
					return false;
				});
			} catch (CoreException e) {
				TesseraPlugin.log(e.getStatus());
			}
			if (!events.isEmpty()) notify(s -> s.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(events)));
		};
		ResourcesPlugin.getWorkspace().addResourceChangeListener(fileWatcher, IResourceChangeEvent.POST_CHANGE);
	}

	/** shutdown, exit; the process is ended if it does not leave by itself within seconds. */
	public void shutdown() {
		stopping = true;
		if (fileWatcher != null) ResourcesPlugin.getWorkspace().removeResourceChangeListener(fileWatcher);
		Process p = process;
		if (ready.isDone() && !ready.isCompletedExceptionally() && p != null && p.isAlive()) {
			try {
				LanguageServer s = ready.get();
				s.shutdown().get(5, TimeUnit.SECONDS);
				s.exit();
				p.waitFor(5, TimeUnit.SECONDS);
			} catch (Exception e) {
				// ended below
			}
		}
		if (p != null && p.isAlive()) p.destroyForcibly();
		dead = true;
		out.shutdownNow();
	}

	/** The process's id, for tests and the log. */
	public long pid() {
		Process p = process;
		return p == null ? -1 : p.pid();
	}

	/** The client side: diagnostics become markers, messages go to the user. */
	final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(org.eclipse.lsp4j.PublishDiagnosticsParams diagnostics) {
			Markers.publish(diagnostics);
		}

		@Override
		public void showMessage(org.eclipse.lsp4j.MessageParams message) {
			Messages.show(message);
		}

		@Override
		public CompletableFuture<org.eclipse.lsp4j.MessageActionItem> showMessageRequest(org.eclipse.lsp4j.ShowMessageRequestParams request) {
			Messages.show(request);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(org.eclipse.lsp4j.MessageParams message) {
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public CompletableFuture<org.eclipse.lsp4j.ApplyWorkspaceEditResponse> applyEdit(org.eclipse.lsp4j.ApplyWorkspaceEditParams params) {
			CompletableFuture<org.eclipse.lsp4j.ApplyWorkspaceEditResponse> r = new CompletableFuture<>();
			org.eclipse.swt.widgets.Display.getDefault().asyncExec(() -> {
				try {
					Edits.apply(params.getEdit());
					r.complete(new org.eclipse.lsp4j.ApplyWorkspaceEditResponse(true));
				} catch (Exception e) {
					r.complete(new org.eclipse.lsp4j.ApplyWorkspaceEditResponse(false));
				}
			});
			return r;
		}

		@Override
		public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Void> unregisterCapability(org.eclipse.lsp4j.UnregistrationParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<List<Object>> configuration(org.eclipse.lsp4j.ConfigurationParams params) {
			List<Object> none = new ArrayList<>();
			params.getItems().forEach(i -> none.add(null));
			return CompletableFuture.completedFuture(none);
		}
	}
}
