package dev.tessera.eclipse.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import dev.tessera.eclipse.TesseraPlugin;

/** textDocument/codeAction: the server's quick fixes for diagnostics, and its source actions (generate). */
public final class CodeActions {
	/**
	 * The rules the server has quick fixes for (TesseraCodeActions.fixes): a marker of another rule offers none, so
	 * the Problems view does not ask the server for every marker.
	 */
	public static final java.util.Set<String> FIXABLE = java.util.Set.of("memory.static-aligned", "device.dma-iommu",
			"memory.direct-map-static", "device.passthrough-once", "cpu.pin-duplicate", "cpu.exists", "cpupool.cpu-once");

	private CodeActions() {
	}

	public static List<CodeAction> request(String uri, Range range, List<Diagnostic> diagnostics) throws Exception {
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(diagnostics));
		List<Either<Command, CodeAction>> answer = TesseraPlugin.getDefault().server()
				.request(s -> s.getTextDocumentService().codeAction(params)).get(10, TimeUnit.SECONDS);
		List<CodeAction> actions = new ArrayList<>();
		if (answer != null) for (var a : answer) {
			if (a.isRight()) actions.add(a.getRight());
			else {
				CodeAction wrap = new CodeAction(a.getLeft().getTitle());
				wrap.setCommand(a.getLeft());
				actions.add(wrap);
			}
		}
		return actions;
	}

	/** The quick fixes for one marker's diagnostic. */
	public static List<CodeAction> fixes(IMarker marker) throws Exception {
		Diagnostic d = Markers.diagnosticOf(marker);
		String uri = Documents.uri((IFile) marker.getResource());
		if (d == null || uri == null) return List.of();
		List<CodeAction> fixes = new ArrayList<>();
		for (CodeAction a : request(uri, d.getRange(), List.of(d)))
			if (a.getEdit() != null && (a.getKind() == null || a.getKind().startsWith("quickfix"))) fixes.add(a);
		return fixes;
	}

	/** The diagnostics of the markers of a file on a line (0-based). */
	public static List<Diagnostic> diagnosticsOn(IFile file, int line) {
		List<Diagnostic> out = new ArrayList<>();
		try {
			for (IMarker m : file.findMarkers(TesseraPlugin.MARKER, false, IResource.DEPTH_ZERO)) {
				Diagnostic d = Markers.diagnosticOf(m);
				if (d != null && d.getRange().getStart().getLine() <= line && line <= d.getRange().getEnd().getLine()) out.add(d);
			}
		} catch (CoreException e) {
			// no markers
		}
		return out;
	}
}
