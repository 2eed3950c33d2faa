package dev.tessera.eclipse.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import dev.tessera.eclipse.TesseraPlugin;

/**
 * The .tess documents open in editors, kept in step with the server: didOpen when an editor opens one, a
 * didChange for every edit (incremental: the range replaced and the new text), didClose when the last editor
 * on it closes.
 */
public final class Documents {
	private static final Map<IDocument, Doc> open = new IdentityHashMap<>();

	private Documents() {
	}

	/** One open document: its URI as the server knows it, its version and text (as last sent). */
	public static final class Doc implements IDocumentListener {
		public final IDocument document;
		public final String uri;
		public final IFile file;
		int refs = 1;
		int version = 1;
		String text;
		private Range pending;

		Doc(IDocument document, String uri, IFile file) {
			this.document = document;
			this.uri = uri;
			this.file = file;
			this.text = document.get();
		}

		@Override
		public void documentAboutToBeChanged(DocumentEvent e) {
			pending = new Range(position(document, e.getOffset()), position(document, e.getOffset() + e.getLength()));
		}

		@Override
		public void documentChanged(DocumentEvent e) {
			Range range = pending;
			int v;
			synchronized (this) {
				v = ++version;
				text = document.get();
			}
			String newText = e.getText() == null ? "" : e.getText();
			if (range == null) {
				// a change we were not told about beforehand: send the whole text
				range = new Range(new Position(0, 0), new Position(0, 0));
				TesseraPlugin.getDefault().server().didClose(uri);
				TesseraPlugin.getDefault().server().didOpen(this);
				return;
			}
			pending = null;
			TesseraPlugin.getDefault().server().didChange(uri, v, range, newText);
		}
	}

	/** Starts tracking a document shown in an editor (once per editor). */
	public static void connect(IDocument document) {
		if (document == null) return;
		String uri = uriOf(document);
		if (uri == null) return;
		Doc doc;
		synchronized (open) {
			doc = open.get(document);
			if (doc != null) {
				doc.refs++;
				return;
			}
			doc = new Doc(document, uri, fileOf(document));
			open.put(document, doc);
		}
		document.addDocumentListener(doc);
		TesseraPlugin.getDefault().server().didOpen(doc);
	}

	/** An editor on the document closed: didClose once the last one has. */
	public static void disconnect(IDocument document) {
		if (document == null) return;
		Doc doc;
		synchronized (open) {
			doc = open.get(document);
			if (doc == null || --doc.refs > 0) return;
			open.remove(document);
		}
		document.removeDocumentListener(doc);
		TesseraServer s = TesseraPlugin.getDefault().runningServer();
		if (s != null) s.didClose(doc.uri);
	}

	public static List<Doc> all() {
		synchronized (open) {
			return new ArrayList<>(open.values());
		}
	}

	public static boolean isOpen(String uri) {
		return all().stream().anyMatch(d -> d.uri.equals(uri));
	}

	/** The open document of a file, or null. */
	public static IDocument documentOf(IFile file) {
		for (Doc d : all())
			if (file.equals(d.file)) return d.document;
		return null;
	}

	/** The URI the server knows a document by (file:///...), or null for a document that is not a file. */
	public static String uriOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null) return null;
		try {
			URI u = buffer.getFileStore().toURI();
			return "file".equals(u.getScheme()) ? uri(u) : null;
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** The workspace file of a document, or null (a file outside the workspace). */
	public static IFile fileOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null) return null;
		IFile f = FileBuffers.getWorkspaceFileAtLocation(buffer.getLocation());
		if (f == null) f = ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(buffer.getLocation());
		return f;
	}

	/** The document of a file: the open one, or the file buffer's if some other part has it connected. */
	public static IDocument anyDocumentOf(IFile file) {
		IDocument d = documentOf(file);
		if (d != null) return d;
		ITextFileBuffer b = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
		return b == null ? null : b.getDocument();
	}

	/** file:///path, as Java and the server write it (EFS writes file:/path). */
	public static String uri(URI fileUri) {
		return Path.of(fileUri).toUri().toString();
	}

	public static String uri(IFile file) {
		return file.getLocationURI() == null ? null : uri(file.getLocationURI());
	}

	/** LSP position (line, UTF-16 column) of an offset. */
	public static Position position(IDocument d, int offset) {
		try {
			int line = d.getLineOfOffset(offset);
			return new Position(line, offset - d.getLineOffset(line));
		} catch (BadLocationException e) {
			int lines = d.getNumberOfLines();
			return new Position(Math.max(0, lines - 1), 0);
		}
	}

	/** The offset of an LSP position in a document (clamped to the document). */
	public static int offset(IDocument d, Position p) {
		try {
			if (p.getLine() >= d.getNumberOfLines()) return d.getLength();
			int start = d.getLineOffset(p.getLine());
			int len = d.getLineLength(p.getLine());
			return start + Math.min(p.getCharacter(), len);
		} catch (BadLocationException e) {
			return d.getLength();
		}
	}
}
