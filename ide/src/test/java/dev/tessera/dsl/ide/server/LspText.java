package dev.tessera.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** Positions and edits in a text, as an editor computes them (LSP: 0-based lines and characters). */
public final class LspText {
	private LspText() {
	}

	/** The position just after the text's last character. */
	public static Position end(String text) {
		int line = 0, last = 0;
		for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') { line++; last = i + 1; }
		return new Position(line, text.length() - last);
	}

	/** Applies LSP text edits to a text, the last first, as an editor does. */
	public static String apply(String text, List<? extends TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
		StringBuilder sb = new StringBuilder(text);
		for (TextEdit e : sorted) sb.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
		return sb.toString();
	}

	public static int offset(String text, Position p) {
		int line = 0, i = 0;
		while (line < p.getLine() && i < text.length()) if (text.charAt(i++) == '\n') line++;
		return Math.min(i + p.getCharacter(), text.length());
	}

	/** Position of the n-th occurrence (from 0) of needle, plus delta characters. */
	public static Position positionOf(String text, String needle, int n, int delta) {
		int at = -1;
		for (int k = 0; k <= n; k++) {
			at = text.indexOf(needle, at + 1);
			if (at < 0) throw new IllegalArgumentException("'" + needle + "' occurs fewer than " + (n + 1) + " times");
		}
		at += delta;
		String before = text.substring(0, at);
		int line = (int) before.chars().filter(c -> c == '\n').count();
		return new Position(line, at - (before.lastIndexOf('\n') + 1));
	}
}
