package dev.tessera.eclipse.lsp;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

import com.google.gson.Gson;

import dev.tessera.eclipse.TesseraPlugin;

/**
 * publishDiagnostics to problem markers of type {@link TesseraPlugin#MARKER}: one per diagnostic, at its line and
 * columns, with the rule id (the diagnostic's code) in {@link TesseraPlugin#RULE_ID} and in the message.
 */
public final class Markers {
	/** The newest diagnostics per file; a job writes them (so an older publication never wins over a newer one). */
	private static final Map<IFile, List<Diagnostic>> latest = new ConcurrentHashMap<>();
	/** LSP4J's own Gson (it knows Either and the enums as the protocol writes them). */
	static final Gson GSON = new org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler(Map.of()).getGson();

	/** How many publications have been written as markers, per file (tests wait on it). */
	private static final Map<IFile, Integer> writes = new ConcurrentHashMap<>();

	private Markers() {
	}

	/** How many times the server's diagnostics for the file have been written as its markers. */
	public static int writes(IFile file) {
		return writes.getOrDefault(file, 0);
	}

	static void publish(PublishDiagnosticsParams params) {
		IFile[] files;
		try {
			files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(new URI(params.getUri()));
		} catch (Exception e) {
			return;
		}
		for (IFile file : files) {
			if (!file.exists()) continue;
			latest.put(file, params.getDiagnostics());
			WorkspaceJob job = new WorkspaceJob("Tessera: problems of " + file.getName()) {
				@Override
				public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
					List<Diagnostic> diagnostics = latest.remove(file);
					if (diagnostics != null && file.exists()) write(file, diagnostics);
					return Status.OK_STATUS;
				}
			};
			job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file));
			job.setSystem(true);
			job.schedule();
		}
	}

	static void write(IFile file, List<Diagnostic> diagnostics) throws CoreException {
		IDocument doc = Documents.anyDocumentOf(file);
		if (doc == null) {
			try (var in = file.getContents(true)) {
				doc = new Document(new String(in.readAllBytes(), file.getCharset()));
			} catch (java.io.IOException e) {
				doc = new Document("");
			}
		}
		IDocument text = doc;
		ResourcesPlugin.getWorkspace().run(monitor -> {
			file.deleteMarkers(TesseraPlugin.MARKER, false, IResource.DEPTH_ZERO);
			for (Diagnostic d : diagnostics) {
				String rule = ruleOf(d);
				int start = Documents.offset(text, d.getRange().getStart());
				int end = Math.max(start, Documents.offset(text, d.getRange().getEnd()));
				IMarker m = file.createMarker(TesseraPlugin.MARKER);
				m.setAttributes(
						new String[] { IMarker.MESSAGE, IMarker.SEVERITY, IMarker.LINE_NUMBER, IMarker.CHAR_START, IMarker.CHAR_END,
								IMarker.SOURCE_ID, TesseraPlugin.RULE_ID, TesseraPlugin.DIAGNOSTIC },
						new Object[] { rule == null ? d.getMessage() : d.getMessage() + " [" + rule + "]", severity(d.getSeverity()),
								d.getRange().getStart().getLine() + 1, start, end, "tessera", rule, GSON.toJson(d) });
			}
		}, ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file), 0, null);
		writes.merge(file, 1, Integer::sum);
	}

	static String ruleOf(Diagnostic d) {
		if (d.getCode() == null) return null;
		return d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
	}

	static int severity(DiagnosticSeverity s) {
		if (s == null) return IMarker.SEVERITY_ERROR;
		return switch (s) {
		case Error -> IMarker.SEVERITY_ERROR;
		case Warning -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		};
	}

	/** The diagnostic a marker was made from. */
	public static Diagnostic diagnosticOf(IMarker marker) {
		String json = marker.getAttribute(TesseraPlugin.DIAGNOSTIC, null);
		return json == null ? null : GSON.fromJson(json, Diagnostic.class);
	}
}
