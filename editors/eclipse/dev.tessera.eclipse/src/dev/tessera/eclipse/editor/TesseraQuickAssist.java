package dev.tessera.eclipse.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Range;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.CodeActions;
import dev.tessera.eclipse.lsp.Documents;
import dev.tessera.eclipse.lsp.Edits;
import dev.tessera.eclipse.ui.Generate;

/** Ctrl+1 in the editor: the quick fixes of the problems on the caret's line, and "Generate the outputs of system". */
public class TesseraQuickAssist implements IQuickAssistProcessor {
	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		if (!(annotation instanceof MarkerAnnotation m)) return false;
		try {
			return TesseraPlugin.MARKER.equals(m.getMarker().getType());
		} catch (Exception e) {
			return false;
		}
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return true;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IDocument doc = context.getSourceViewer().getDocument();
		String uri = Documents.uriOf(doc);
		IFile file = Documents.fileOf(doc);
		if (uri == null) return new ICompletionProposal[0];
		var at = Documents.position(doc, context.getOffset());
		List<ICompletionProposal> out = new ArrayList<>();
		try {
			var diagnostics = file == null ? List.<org.eclipse.lsp4j.Diagnostic>of() : CodeActions.diagnosticsOn(file, at.getLine());
			for (CodeAction a : CodeActions.request(uri, new Range(at, at), diagnostics)) out.add(new ActionProposal(a, file));
		} catch (Exception e) {
			TesseraPlugin.log("Tessera: no code actions", e);
		}
		return out.toArray(ICompletionProposal[]::new);
	}

	/** A code action as a proposal: its edit, or its command (the generate command). */
	static final class ActionProposal implements ICompletionProposal {
		final CodeAction action;
		final IFile file;

		ActionProposal(CodeAction action, IFile file) {
			this.action = action;
			this.file = file;
		}

		@Override
		public void apply(IDocument document) {
			try {
				if (action.getEdit() != null) Edits.apply(action.getEdit());
				if (action.getCommand() != null && file != null && Generate.COMMAND.equals(action.getCommand().getCommand()))
					Generate.inBackground(file);
			} catch (Exception e) {
				TesseraPlugin.log("Tessera: " + action.getTitle() + " failed", e);
			}
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return null;
		}

		@Override
		public String getDisplayString() {
			return action.getTitle();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
