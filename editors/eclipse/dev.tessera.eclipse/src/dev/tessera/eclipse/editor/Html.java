package dev.tessera.eclipse.editor;

/**
 * The server's markdown as the little HTML a text hover shows (bold, lists, paragraphs, code as bold): enough for
 * what Tessera's hovers contain (headings in bold, lists of facts, a table of modules).
 */
final class Html {
	private Html() {
	}

	static String of(String markdown) {
		StringBuilder out = new StringBuilder();
		boolean list = false;
		for (String raw : markdown.split("\r?\n")) {
			String line = raw.strip();
			if (line.startsWith("> ")) line = line.substring(2);
			if (line.matches("\\|?\\s*:?-{3,}.*")) continue; // table rule
			boolean item = line.startsWith("- ") || line.startsWith("* ");
			if (item && !list) {
				out.append("<ul>");
				list = true;
			} else if (!item && list) {
				out.append("</ul>");
				list = false;
			}
			if (item) out.append("<li>").append(inline(line.substring(2))).append("</li>");
			else if (line.isEmpty()) out.append("<p>");
			else if (line.startsWith("|")) out.append(inline(line.replaceAll("^\\||\\|$", "").replace("|", " \u2502 "))).append("<br>");
			else out.append(inline(line.replaceFirst("^#+\\s*", ""))).append("<br>");
		}
		if (list) out.append("</ul>");
		return out.toString();
	}

	static String inline(String s) {
		String e = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		e = e.replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>");
		e = e.replaceAll("`([^`]+)`", "<b>$1</b>");
		e = e.replaceAll("(?<![\\w*])\\*([^*]+)\\*(?![\\w*])", "<i>$1</i>");
		return e;
	}
}
