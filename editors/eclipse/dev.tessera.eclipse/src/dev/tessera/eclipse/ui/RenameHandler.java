package dev.tessera.eclipse.ui;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.Documents;
import dev.tessera.eclipse.lsp.Edits;

/**
 * Alt+Shift+R in a .tess editor: renames the domain, cpupool, device or board named at the caret and every reference
 * the server finds in the workspace. The server refuses names a shipped board declares; its message is shown.
 */
public class RenameHandler extends AbstractHandler {
	public static final String ID = "dev.tessera.eclipse.rename";
	/** The language's names (the grammar's ID): what the dialog accepts. */
	static final String NAME = "[A-Za-z_][A-Za-z0-9_\\-]*";

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor) || !editor.isEditable()) return null;
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (doc == null || Documents.uriOf(doc) == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection sel))
			return null;
		Shell shell = HandlerUtil.getActiveShell(event);
		String current = nameAt(doc, sel.getOffset());
		if (current.isEmpty()) return null;
		InputDialog dialog = new InputDialog(shell, "Rename", "New name for '" + current + "':", current,
				v -> v.matches(NAME) ? null : "'" + v + "' is not a name: a letter or _, then letters, digits, _ or -");
		if (dialog.open() != Window.OK || dialog.getValue().equals(current)) return null;
		rename(doc, sel.getOffset(), dialog.getValue()).ifPresent(refused -> MessageDialog.openInformation(shell, "Rename refused", refused));
		return null;
	}

	/** Renames what is named at offset to newName and applies the server's edit; or the server's reason why not. */
	public static Optional<String> rename(IDocument doc, int offset, String newName) {
		String uri = Documents.uriOf(doc);
		RenameParams params = new RenameParams(new TextDocumentIdentifier(uri), Documents.position(doc, offset), newName);
		try {
			TesseraPlugin.getDefault().server().flush().get(10, TimeUnit.SECONDS);
			WorkspaceEdit edit = TesseraPlugin.getDefault().server().request(s -> s.getTextDocumentService().rename(params)).get(10, TimeUnit.SECONDS);
			if (edit == null) return Optional.of("nothing to rename at the caret");
			Edits.apply(edit);
			return Optional.empty();
		} catch (ExecutionException e) {
			// the server's refusal (a shipped board's name) comes back as the request's error, in its own words
			return Optional.of(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
		} catch (Exception e) {
			TesseraPlugin.log("Tessera: rename failed", e);
			return Optional.of("rename failed: " + e.getMessage());
		}
	}

	/** The name around offset ("" when the caret is not on one). */
	static String nameAt(IDocument doc, int offset) {
		try {
			int start = offset, end = offset;
			while (start > 0 && isNamePart(doc.getChar(start - 1))) start--;
			while (end < doc.getLength() && isNamePart(doc.getChar(end))) end++;
			return doc.get(start, end - start);
		} catch (BadLocationException e) {
			return "";
		}
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-';
	}
}
