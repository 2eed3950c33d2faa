package dev.tessera.dsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * Starts Tessera's language server on a pair of streams (stdin/stdout for {@code tessera lsp}). The .tess language
 * is found through {@code META-INF/services/org.eclipse.xtext.ISetup} (TesseraIdeSetup).
 */
public final class ServerMain {
	private ServerMain() {
	}

	/** Serves LSP on stdin/stdout until the client says exit. Anything else written to stdout goes to stderr. */
	public static void main(String[] args) throws Exception {
		InputStream in = System.in;
		PrintStream out = System.out;
		// stdout carries JSON-RPC only: log4j's console appender and any stray print go to stderr instead
		System.setOut(System.err);
		System.setIn(InputStream.nullInputStream());
		run(in, out).get();
	}

	/** Starts a server on the given streams; the future completes when the connection closes. */
	public static Future<Void> run(InputStream in, OutputStream out) {
		Injector injector = Guice.createInjector(Modules.override(new ServerModule()).with(binder -> {
			binder.bind(LanguageServerImpl.class).to(TesseraLanguageServer.class);
			// a keystroke re-parses what it changed (ReparsingProjectManager)
			binder.bind(org.eclipse.xtext.ide.server.ProjectManager.class).to(ReparsingProjectManager.class);
			binder.bind(org.eclipse.xtext.build.IncrementalBuilder.InternalStatefulIncrementalBuilder.class).to(ReparsingProjectManager.Builder.class);
			// a board whose facts did not change keeps its index entry
			binder.bind(org.eclipse.xtext.build.Indexer.class).to(dev.tessera.dsl.ide.build.KeptIndexEntry.class);
		}));
		LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
		ExecutorService executor = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "tessera-lsp");
			t.setDaemon(true);
			return t;
		});
		Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>().setLocalService(server)
				.setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).setExecutorService(executor)
				.create();
		server.connect(launcher.getRemoteProxy());
		return launcher.startListening();
	}
}
