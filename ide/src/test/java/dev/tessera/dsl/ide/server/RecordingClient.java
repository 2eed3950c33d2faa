package dev.tessera.dsl.ide.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The editor's side in the language-server tests, in process (ide/) and against the real jar (editors/): records the
 * diagnostics and messages the server sends and answers its requests with nothing.
 */
public final class RecordingClient implements LanguageClient {
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
