package dev.tessera.eclipse.ui;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.lsp4j.Location;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.editor.Definitions;
import dev.tessera.eclipse.lsp.Documents;

/** F3 in a .tess editor: opens the declaration of the name at the caret. */
public class OpenDeclarationHandler extends AbstractHandler {
	public static final String ID = "dev.tessera.eclipse.openDeclaration";

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor)) return null;
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String uri = doc == null ? null : Documents.uriOf(doc);
		if (uri == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection sel)) return null;
		List<Location> targets = Definitions.locations(uri, doc, sel.getOffset(), 10_000);
		if (targets.isEmpty()) return null;
		try {
			return Definitions.open(targets.get(0));
		} catch (Exception e) {
			TesseraPlugin.log("Tessera: could not open the declaration", e);
			return null;
		}
	}
}
