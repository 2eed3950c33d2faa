package dev.tessera.importer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds, in a device-tree source file as written, the node that encloses a line: for diagnostics about text
 * that never became a tree (a missing include, a syntax error).
 */
final class SourceScan {
	private SourceScan() {
	}

	/** The node path (or {@code &label} override) open at {@code line}, "/" at top level, null if unreadable. */
	static String enclosingNode(Path file, int line) {
		String text = Preprocessor.read(file);
		if (text.isEmpty()) return null;
		Deque<String> open = new ArrayDeque<>();
		int ln = 1;
		StringBuilder header = new StringBuilder();
		int i = 0, n = text.length();
		while (i < n && ln < line) {
			char c = text.charAt(i);
			if (c == '\n') {
				ln++;
				i++;
				if (header.length() > 0 && header.charAt(header.length() - 1) != ' ') header.append(' ');
				continue;
			}
			if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				end = end < 0 ? n : end + 2;
				for (int k = i; k < end; k++) if (text.charAt(k) == '\n') ln++;
				i = end;
				continue;
			}
			if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/' || c == '#' && header.toString().isBlank()) {
				while (i < n && text.charAt(i) != '\n') i++;
				continue;
			}
			if (c == '"') {
				i++;
				while (i < n && text.charAt(i) != '"') {
					if (text.charAt(i) == '\\') i++;
					else if (text.charAt(i) == '\n') ln++;
					i++;
				}
				i++;
				continue;
			}
			if (c == '{') {
				open.push(nodeName(header.toString(), open.peek()));
				header.setLength(0);
			} else if (c == '}') {
				if (!open.isEmpty()) open.pop();
				header.setLength(0);
			} else if (c == ';') {
				header.setLength(0);
			} else {
				header.append(c);
			}
			i++;
		}
		return open.isEmpty() ? "/" : open.peek();
	}

	private static String nodeName(String header, String parent) {
		String h = header.strip();
		if (h.startsWith("&")) return h; // &label { } override
		if (h.equals("/")) return "/";
		// drop labels "a: b: name"
		int colon = h.lastIndexOf(':');
		String name = (colon >= 0 ? h.substring(colon + 1) : h).strip();
		if (parent == null || parent.equals("/")) return "/" + name;
		return parent + "/" + name;
	}
}
