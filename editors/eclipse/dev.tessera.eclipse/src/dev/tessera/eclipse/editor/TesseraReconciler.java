package dev.tessera.eclipse.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;

import dev.tessera.eclipse.lsp.Documents;

/**
 * Not a reconciler of its own: the hook by which a .tess editor's document reaches the language server. Installed
 * on every Generic Editor showing a .tess file, it connects the document (didOpen, then a didChange per edit) and
 * disconnects it when the editor closes (didClose). The server answers every change with publishDiagnostics.
 */
public class TesseraReconciler implements IReconciler, ITextInputListener {
	private ITextViewer viewer;

	@Override
	public void install(ITextViewer textViewer) {
		viewer = textViewer;
		viewer.addTextInputListener(this);
		Documents.connect(viewer.getDocument());
	}

	@Override
	public void uninstall() {
		if (viewer == null) return;
		viewer.removeTextInputListener(this);
		Documents.disconnect(viewer.getDocument());
		viewer = null;
	}

	@Override
	public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
		Documents.disconnect(oldInput);
	}

	@Override
	public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
		Documents.connect(newInput);
	}

	@Override
	public IReconcilingStrategy getReconcilingStrategy(String contentType) {
		return null;
	}
}
