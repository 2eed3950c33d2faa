package dev.tessera.eclipse.ui;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.AbstractDecoratedTextEditorPreferenceConstants;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.Documents;
import dev.tessera.eclipse.lsp.Edits;

/**
 * Ctrl+Shift+F in a .tess editor: the server formats the file, or the selected lines; one undo step. Indentation as
 * the text editors' preferences say (tab width, spaces for tabs).
 */
public class FormatHandler extends AbstractHandler {
	public static final String ID = "dev.tessera.eclipse.format";

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor) || !editor.isEditable()) return null;
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String uri = doc == null ? null : Documents.uriOf(doc);
		if (uri == null) return null;
		var prefs = EditorsUI.getPreferenceStore();
		FormattingOptions options = new FormattingOptions(prefs.getInt(AbstractDecoratedTextEditorPreferenceConstants.EDITOR_TAB_WIDTH),
				prefs.getBoolean(AbstractDecoratedTextEditorPreferenceConstants.EDITOR_SPACES_FOR_TABS));
		TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
		ITextSelection sel = editor.getSelectionProvider().getSelection() instanceof ITextSelection s ? s : null;
		try {
			List<? extends TextEdit> edits;
			if (sel != null && sel.getLength() > 0) {
				Range range = new Range(Documents.position(doc, sel.getOffset()), Documents.position(doc, sel.getOffset() + sel.getLength()));
				edits = TesseraPlugin.getDefault().server()
						.request(s -> s.getTextDocumentService().rangeFormatting(new DocumentRangeFormattingParams(id, options, range)))
						.get(10, TimeUnit.SECONDS);
			} else {
				edits = TesseraPlugin.getDefault().server()
						.request(s -> s.getTextDocumentService().formatting(new DocumentFormattingParams(id, options))).get(10, TimeUnit.SECONDS);
			}
			if (edits == null || edits.isEmpty()) return null;
			IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
			if (target != null) target.beginCompoundChange();
			try {
				Edits.apply(doc, List.copyOf(edits));
			} finally {
				if (target != null) target.endCompoundChange();
			}
		} catch (Exception e) {
			TesseraPlugin.log("Tessera: formatting failed", e);
		}
		return null;
	}
}
