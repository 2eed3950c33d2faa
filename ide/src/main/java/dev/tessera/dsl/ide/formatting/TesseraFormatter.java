package dev.tessera.dsl.ide.formatting;

import java.util.ArrayList;
import java.util.List;

/**
 * Tessera's layout, line by line: one indent per open brace, one space between tokens, ", " in lists, a space
 * before "{", no trailing white space, at most one blank line in a row; a list continued on the next line keeps
 * its alignment. Strings and comments are kept as written;
 * nothing that changes the meaning of a file is touched (no line is joined or split).
 */
public final class TesseraFormatter {
	private final String indentUnit;

	public TesseraFormatter(String indentUnit) {
		this.indentUnit = indentUnit;
	}

	/** Each line of the text after formatting, or null where the line is removed (a second blank line). */
	public List<String> formatLines(List<String> lines) {
		List<String> out = new ArrayList<>(lines.size());
		int depth = 0;
		boolean inComment = false;
		boolean previousBlank = true; // no blank lines at the start
		boolean continues = false;
		for (String line : lines) {
			if (inComment) {
				int end = line.indexOf("*/");
				inComment = end < 0;
				String rest = inComment ? "" : line.substring(end + 2);
				// the inside of a block comment is kept; only the code after it counts
				depth += braces(rest);
				out.add(stripTrailing(line));
				previousBlank = false;
				continue;
			}
			Line l = normalize(line.strip());
			if (l.text.isEmpty()) {
				out.add(previousBlank ? null : "");
				previousBlank = true;
				inComment = l.openComment;
				continue;
			}
			int indent = Math.max(0, depth - l.leadingCloses);
			String lead = indentUnit.repeat(indent);
			if (continues) {
				// a list continued from the line before: keep its alignment, at least one level deeper
				String written = line.substring(0, line.length() - line.stripLeading().length());
				lead = width(written) > width(lead) ? written : lead + indentUnit;
			}
			out.add(lead + l.text);
			depth = Math.max(0, depth + l.depthChange);
			inComment = l.openComment;
			previousBlank = false;
			continues = l.trailingComma;
		}
		// no blank lines at the end
		for (int i = out.size() - 1; i > 0 && (out.get(i) == null || out.get(i).isEmpty()); i--)
			out.set(i, null);
		return out;
	}

	private static int width(String whitespace) {
		int w = 0;
		for (char c : whitespace.toCharArray()) w = c == '\t' ? (w / 4 + 1) * 4 : w + 1;
		return w;
	}

	public String format(String text) {
		List<String> lines = text.lines().toList();
		StringBuilder sb = new StringBuilder();
		for (String l : formatLines(lines)) if (l != null) sb.append(l).append('\n');
		return sb.toString();
	}

	private record Line(String text, int depthChange, int leadingCloses, boolean openComment, boolean trailingComma) {
	}

	private static String stripTrailing(String s) {
		return s.stripTrailing();
	}

	private static int braces(String code) {
		int d = 0;
		boolean str = false;
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (str) {
				if (c == '\\') i++;
				else if (c == '"') str = false;
			} else if (c == '"') str = true;
			else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') break;
			else if (c == '{') d++;
			else if (c == '}') d--;
		}
		return d;
	}

	/** Normalizes the white space of one stripped line outside strings and comments. */
	static Line normalize(String s) {
		StringBuilder sb = new StringBuilder();
		int depth = 0, leadingCloses = 0;
		boolean sawCode = false, openComment = false;
		int codeLength = -1; // where a trailing comment starts
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '"') {
				int j = i + 1;
				while (j < s.length() && s.charAt(j) != '"') j += s.charAt(j) == '\\' ? 2 : 1;
				j = Math.min(j + 1, s.length());
				sb.append(s, i, j);
				sawCode = true;
				i = j;
			} else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
				codeLength = sb.length();
				if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
				sb.append(s.substring(i).stripTrailing());
				break;
			} else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
				int end = s.indexOf("*/", i + 2);
				if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
				if (end < 0) {
					codeLength = sb.length();
					sb.append(s.substring(i).stripTrailing());
					openComment = true;
					break;
				}
				sb.append(s, i, end + 2);
				i = end + 2;
			} else if (Character.isWhitespace(c)) {
				if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
				i++;
			} else if (c == ',') {
				if (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
				sb.append(", ");
				i++;
				while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
				sawCode = true;
			} else {
				if (c == '{') {
					if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
					depth++;
				} else if (c == '}') depth--;
				if (c == '}' && !sawCode) leadingCloses++;
				else sawCode = true;
				sb.append(c);
				i++;
			}
		}
		String code = (codeLength >= 0 ? sb.substring(0, codeLength) : sb.toString()).strip();
		return new Line(sb.toString().stripTrailing(), depth, leadingCloses, openComment, code.endsWith(","));
	}
}
