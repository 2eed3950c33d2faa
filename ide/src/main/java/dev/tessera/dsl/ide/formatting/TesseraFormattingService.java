package dev.tessera.dsl.ide.formatting;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;

/** Formatting and range formatting with {@link TesseraFormatter}: one edit per changed line. */
public class TesseraFormattingService extends FormattingService {

	@Override
	public List<TextEdit> format(XtextResource resource, Document document, int offset, int length, FormattingOptions options) {
		String indent = options == null || !options.isInsertSpaces() ? "\t" : " ".repeat(Math.max(1, options.getTabSize()));
		String text = document.getContents();
		List<Integer> starts = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		int pos = 0;
		while (pos <= text.length()) {
			int nl = text.indexOf('\n', pos);
			int end = nl < 0 ? text.length() : nl;
			String line = text.substring(pos, end);
			if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
			starts.add(pos);
			lines.add(line);
			if (nl < 0) break;
			pos = nl + 1;
		}
		boolean lastIsEmptyTail = text.endsWith("\n");
		if (lastIsEmptyTail) { // the empty "line" after the final newline is not a line
			lines.remove(lines.size() - 1);
			starts.remove(starts.size() - 1);
		}
		List<String> formatted = new TesseraFormatter(indent).formatLines(lines);
		List<TextEdit> edits = new ArrayList<>();
		int rangeEnd = offset + length;
		for (int i = 0; i < lines.size(); i++) {
			int start = starts.get(i);
			int next = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
			int lineEnd = start + lines.get(i).length();
			if (next < start || lineEnd < offset || start > rangeEnd) continue;
			String f = formatted.get(i);
			if (f == null) edits.add(new TextEdit(new Range(pos(document, start), pos(document, next)), ""));
			else if (!f.equals(lines.get(i))) edits.add(new TextEdit(new Range(pos(document, start), pos(document, lineEnd)), f));
		}
		if (!lastIsEmptyTail && !text.isEmpty() && offset + length >= text.length() && formatted.get(formatted.size() - 1) != null)
			edits.add(new TextEdit(new Range(pos(document, text.length()), pos(document, text.length())), "\n"));
		return edits;
	}

	private static Position pos(Document d, int offset) {
		return d.getPosition(offset);
	}
}
