package dev.tessera.eclipse.editor;

import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.TextDocumentIdentifier;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.Documents;

/** Hover: what the server says about the name under the mouse (a device, a domain's plan, a CPU, a rule). */
public class TesseraHover implements ITextHover {
	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		String uri = Documents.uriOf(viewer.getDocument());
		if (uri == null) return null;
		var at = Documents.position(viewer.getDocument(), region.getOffset());
		try {
			Hover hover = TesseraPlugin.getDefault().server()
					.request(s -> s.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), at))).get(5, TimeUnit.SECONDS);
			String md = markdown(hover);
			return md == null || md.isBlank() ? null : Html.of(md);
		} catch (Exception e) {
			return null;
		}
	}

	/** The hover's text as markdown. */
	public static String markdown(Hover hover) {
		if (hover == null || hover.getContents() == null) return null;
		var c = hover.getContents();
		if (c.isRight()) return c.getRight().getValue();
		StringBuilder sb = new StringBuilder();
		for (var e : c.getLeft()) {
			if (sb.length() > 0) sb.append("\n\n");
			sb.append(e.isLeft() ? e.getLeft() : ((MarkedString) e.getRight()).getValue());
		}
		return sb.toString();
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		var doc = viewer.getDocument();
		int start = TesseraContentAssist.prefixStart(doc, offset), end = offset;
		try {
			while (end < doc.getLength()) {
				char c = doc.getChar(end);
				if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') break;
				end++;
			}
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// the end of the document
		}
		return new Region(start, Math.max(end - start, 0));
	}
}
