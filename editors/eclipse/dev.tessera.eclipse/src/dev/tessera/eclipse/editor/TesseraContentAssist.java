package dev.tessera.eclipse.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.Documents;

/** Content assist (Ctrl+Space): the server's completion at the caret. */
public class TesseraContentAssist implements IContentAssistProcessor {
	static final long TIMEOUT_S = 10;
	private String error;

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		error = null;
		IDocument doc = viewer.getDocument();
		String uri = Documents.uriOf(doc);
		if (uri == null) return new ICompletionProposal[0];
		Position at = Documents.position(doc, offset);
		List<CompletionItem> items;
		try {
			Either<List<CompletionItem>, CompletionList> answer = TesseraPlugin.getDefault().server()
					.request(s -> s.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), at)))
					.get(TIMEOUT_S, TimeUnit.SECONDS);
			items = answer == null ? List.of() : answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
		} catch (Exception e) {
			error = "Tessera: no completion (" + e.getMessage() + ")";
			return new ICompletionProposal[0];
		}
		List<CompletionItem> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing((CompletionItem i) -> i.getSortText() != null ? i.getSortText() : i.getLabel()));
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (CompletionItem item : sorted) proposals.add(proposal(doc, offset, item));
		return proposals.toArray(ICompletionProposal[]::new);
	}

	static ICompletionProposal proposal(IDocument doc, int offset, CompletionItem item) {
		String text;
		int start, end;
		Either<TextEdit, org.eclipse.lsp4j.InsertReplaceEdit> edit = item.getTextEdit();
		if (edit != null) {
			Range r = edit.isLeft() ? edit.getLeft().getRange() : edit.getRight().getInsert();
			text = edit.isLeft() ? edit.getLeft().getNewText() : edit.getRight().getNewText();
			start = Documents.offset(doc, r.getStart());
			end = Math.max(offset, Documents.offset(doc, r.getEnd()));
		} else {
			text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
			start = prefixStart(doc, offset);
			end = offset;
		}
		String display = item.getLabel() + (item.getDetail() != null && !item.getDetail().isBlank() ? " \u2014 " + item.getDetail() : "");
		String info = null;
		if (item.getDocumentation() != null)
			info = item.getDocumentation().isLeft() ? item.getDocumentation().getLeft() : item.getDocumentation().getRight().getValue();
		return new CompletionProposal(text, start, end - start, text.length(), null, display, null, info);
	}

	/** Where the word being typed begins (letters, digits, _ and -). */
	static int prefixStart(IDocument doc, int offset) {
		int i = offset;
		try {
			while (i > 0) {
				char c = doc.getChar(i - 1);
				if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') break;
				i--;
			}
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// the start of the document
		}
		return i;
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
