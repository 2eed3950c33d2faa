package dev.tessera.eclipse.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.Documents;

/**
 * The Outline view of a .tess editor: the server's document symbols (boards with their clusters, CPUs, RAM, devices;
 * systems with cpupools, domains, shared memory), each with its detail; selecting one reveals it in the editor.
 * Refreshed a moment after the text changes. (The Generic Editor has no outline extension point: this page is
 * contributed as the editor's IContentOutlinePage adapter.)
 */
public class TesseraOutlinePage extends ContentOutlinePage implements IDocumentListener {
	static final int DELAY_MS = 700;
	private final ITextEditor editor;
	private IDocument document;
	private boolean scheduled;
	private volatile List<DocumentSymbol> symbols = List.of();

	public TesseraOutlinePage(ITextEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new Content());
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				DocumentSymbol s = (DocumentSymbol) element;
				return s.getDetail() == null || s.getDetail().isBlank() ? s.getName() : s.getName() + " \u2014 " + s.getDetail();
			}
		});
		viewer.setAutoExpandLevel(2);
		viewer.addSelectionChangedListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection sel && sel.getFirstElement() instanceof DocumentSymbol s && document != null) {
				int start = Documents.offset(document, s.getSelectionRange().getStart());
				int end = Documents.offset(document, s.getSelectionRange().getEnd());
				editor.selectAndReveal(start, end - start);
			}
		});
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (document != null) document.addDocumentListener(this);
		refresh();
	}

	@Override
	public void dispose() {
		if (document != null) document.removeDocumentListener(this);
		super.dispose();
	}

	/** The symbols shown (for the tests). */
	public List<DocumentSymbol> symbols() {
		return symbols;
	}

	/** Asks the server for the symbols and shows them. */
	public CompletableFuture<List<DocumentSymbol>> refresh() {
		String uri = document == null ? null : Documents.uriOf(document);
		if (uri == null) return CompletableFuture.completedFuture(List.of());
		return TesseraPlugin.getDefault().server()
				.request(s -> s.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))))
				.thenApply(TesseraOutlinePage::tree).whenComplete((list, e) -> {
					if (list == null) return;
					symbols = list;
					Display.getDefault().asyncExec(() -> {
						TreeViewer viewer = getTreeViewer();
						if (viewer != null && !viewer.getControl().isDisposed()) viewer.setInput(list);
					});
				});
	}

	static List<DocumentSymbol> tree(List<Either<SymbolInformation, DocumentSymbol>> answer) {
		List<DocumentSymbol> out = new ArrayList<>();
		if (answer != null) for (var e : answer) if (e.isRight()) out.add(e.getRight());
		return out;
	}

	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
	}

	@Override
	public void documentChanged(DocumentEvent event) {
		if (scheduled) return;
		scheduled = true;
		Display.getDefault().timerExec(DELAY_MS, () -> {
			scheduled = false;
			if (getTreeViewer() != null && !getTreeViewer().getControl().isDisposed()) refresh();
		});
	}

	static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof List<?> l ? l.toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			List<DocumentSymbol> c = ((DocumentSymbol) parent).getChildren();
			return c == null ? new Object[0] : c.toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			List<DocumentSymbol> c = ((DocumentSymbol) element).getChildren();
			return c != null && !c.isEmpty();
		}
	}
}
