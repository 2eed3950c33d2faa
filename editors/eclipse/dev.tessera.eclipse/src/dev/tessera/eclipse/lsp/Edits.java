package dev.tessera.eclipse.lsp;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import dev.tessera.eclipse.TesseraPlugin;

/**
 * Applies an LSP workspace edit (a quick fix) to the documents: the open editor's document when the file is open
 * (the editor becomes dirty, undo works), else the file itself (saved).
 */
public final class Edits {
	private Edits() {
	}

	public static void apply(WorkspaceEdit edit) throws CoreException {
		Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
		if (edit.getChanges() != null) edit.getChanges().forEach((u, es) -> byUri.computeIfAbsent(u, k -> new ArrayList<>()).addAll(es));
		if (edit.getDocumentChanges() != null)
			for (var c : edit.getDocumentChanges())
				if (c.isLeft()) {
					TextDocumentEdit t = c.getLeft();
					byUri.computeIfAbsent(t.getTextDocument().getUri(), k -> new ArrayList<>()).addAll(t.getEdits());
				}
		for (var e : byUri.entrySet()) apply(e.getKey(), e.getValue());
	}

	static void apply(String uri, List<TextEdit> edits) throws CoreException {
		IFile[] files;
		try {
			files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(new URI(uri));
		} catch (Exception e) {
			throw new CoreException(new Status(IStatus.ERROR, TesseraPlugin.ID, "not a file: " + uri, e));
		}
		if (files.length == 0) throw new CoreException(new Status(IStatus.ERROR, TesseraPlugin.ID, "not in the workspace: " + uri));
		IFile file = files[0];
		IDocument open = Documents.documentOf(file);
		if (open != null) {
			apply(open, edits);
			return;
		}
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		manager.connect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
		try {
			ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
			apply(buffer.getDocument(), edits);
			buffer.commit(new NullProgressMonitor(), true);
		} finally {
			manager.disconnect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
		}
	}

	/** Applies edits (LSP ranges refer to the text before any of them) from the last to the first. */
	public static void apply(IDocument doc, List<TextEdit> edits) throws CoreException {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> {
			int c = Integer.compare(b.getRange().getStart().getLine(), a.getRange().getStart().getLine());
			return c != 0 ? c : Integer.compare(b.getRange().getStart().getCharacter(), a.getRange().getStart().getCharacter());
		});
		try {
			for (TextEdit e : sorted) {
				int start = Documents.offset(doc, e.getRange().getStart());
				int end = Documents.offset(doc, e.getRange().getEnd());
				doc.replace(start, end - start, e.getNewText());
			}
		} catch (BadLocationException ex) {
			throw new CoreException(new Status(IStatus.ERROR, TesseraPlugin.ID, "the edit does not fit the document", ex));
		}
	}
}
