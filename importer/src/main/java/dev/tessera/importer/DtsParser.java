package dev.tessera.importer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the flattened source that {@code dtc -O dts -T -T} writes: every reference already resolved to a
 * phandle number, every /include/, override and deletion already applied, and each node and property followed by
 * a comment naming the source file and line it came from. (Full DTS syntax — macros, labels as references,
 * includes — is dtc's job: this reads its canonical output.)
 */
public final class DtsParser {
	private final String text;
	private final String file;
	private int pos;
	private int line = 1;

	private DtsParser(String text, String file) {
		this.text = text;
		this.file = file;
	}

	/** Parses dtc's output for the source {@code file} (named in diagnostics when an annotation gives no place). */
	public static DtTree parse(String text, String file) throws ImportException {
		return new DtsParser(text, file).tree();
	}

	private DtTree tree() throws ImportException {
		List<DtTree.MemReserve> memreserves = new ArrayList<>();
		DtNode root = null;
		skipSpace();
		while (pos < text.length()) {
			if (accept("/dts-v1/")) {
				expect(';');
			} else if (accept("/plugin/")) {
				expect(';');
			} else if (peekWord("/memreserve/") || peekLabel()) {
				skipLabels();
				if (!accept("/memreserve/")) throw error("expected /memreserve/");
				long a = number(), s = number();
				expect(';');
				memreserves.add(new DtTree.MemReserve(a, s));
			} else if (peek('/')) {
				pos++;
				skipSpace();
				expect('{');
				SourceLocation at = annotation();
				DtNode r = root != null ? root : new DtNode("", null, at);
				body(r);
				root = r;
			} else {
				throw error("unexpected text '" + snippet() + "'");
			}
			skipSpace();
		}
		if (root == null) throw error("the device tree has no root node");
		return new DtTree(file, root, memreserves);
	}

	/** Properties and child nodes up to the closing "};". */
	private void body(DtNode node) throws ImportException {
		while (true) {
			skipSpace();
			if (accept("};")) {
				annotation();
				return;
			}
			if (pos >= text.length()) throw error("unexpected end of input inside node " + node.path());
			List<String> labels = new ArrayList<>();
			while (peekLabel()) labels.add(label());
			String name = name();
			skipSpace();
			if (accept("{")) {
				SourceLocation at = annotation();
				DtNode child = new DtNode(name, node, at);
				child.labels().addAll(labels);
				node.children().add(child);
				body(child);
			} else if (accept(";")) {
				node.properties().put(name, new DtProperty(name, new byte[0], annotation()));
			} else if (accept("=")) {
				byte[] value = value();
				expect(';');
				node.properties().put(name, new DtProperty(name, value, annotation()));
			} else {
				throw error("expected '{', '=' or ';' after '" + name + "'");
			}
		}
	}

	private byte[] value() throws ImportException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			skipSpace();
			while (peekLabel()) label();
			if (peek('"')) {
				string(out);
			} else if (accept("/bits/")) {
				int bits = (int) number();
				skipSpace();
				cells(out, bits);
			} else if (peek('<')) {
				cells(out, 32);
			} else if (peek('[')) {
				bytes(out);
			} else {
				throw error("unexpected property value '" + snippet() + "'");
			}
			skipSpace();
			while (peekLabel()) label();
			if (!accept(",")) return out.toByteArray();
		}
	}

	private void cells(ByteArrayOutputStream out, int bits) throws ImportException {
		expect('<');
		while (true) {
			skipSpace();
			if (accept(">")) return;
			if (peekLabel()) {
				label();
				continue;
			}
			long v;
			if (peek('\'')) {
				pos++;
				v = text.charAt(pos++);
				expect('\'');
			} else {
				v = number();
			}
			for (int shift = bits - 8; shift >= 0; shift -= 8) out.write((int) (v >>> shift) & 0xff);
		}
	}

	private void bytes(ByteArrayOutputStream out) throws ImportException {
		expect('[');
		StringBuilder hex = new StringBuilder();
		while (pos < text.length() && text.charAt(pos) != ']') {
			char c = text.charAt(pos++);
			if (Character.digit(c, 16) >= 0) hex.append(c);
			else if (c == '\n') line++;
		}
		expect(']');
		if (hex.length() % 2 != 0) throw error("odd number of hex digits in a byte string");
		for (int i = 0; i < hex.length(); i += 2) out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
	}

	private void string(ByteArrayOutputStream out) throws ImportException {
		pos++; // opening quote
		while (true) {
			if (pos >= text.length()) throw error("unterminated string");
			char c = text.charAt(pos++);
			if (c == '"') break;
			if (c == '\n') line++;
			if (c != '\\') {
				if (c < 0x80) out.write(c);
				else out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				continue;
			}
			char e = text.charAt(pos++);
			switch (e) {
			case 'n' -> out.write('\n');
			case 't' -> out.write('\t');
			case 'r' -> out.write('\r');
			case 'a' -> out.write(7);
			case 'b' -> out.write('\b');
			case 'f' -> out.write('\f');
			case 'v' -> out.write(11);
			case 'x' -> {
				int start = pos;
				while (pos < text.length() && pos - start < 2 && Character.digit(text.charAt(pos), 16) >= 0) pos++;
				out.write(Integer.parseInt(text.substring(start, pos), 16));
			}
			default -> {
				if (e >= '0' && e <= '7') {
					int start = pos - 1;
					while (pos < text.length() && pos - start < 3 && text.charAt(pos) >= '0' && text.charAt(pos) <= '7') pos++;
					out.write(Integer.parseInt(text.substring(start, pos), 8));
				} else {
					out.write(e);
				}
			}
			}
		}
		out.write(0);
	}

	private long number() throws ImportException {
		skipSpace();
		int start = pos;
		boolean neg = accept("-");
		int digitsStart = pos;
		while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)))) pos++;
		String t = text.substring(digitsStart, pos).toLowerCase();
		while (t.endsWith("u") || t.endsWith("l")) t = t.substring(0, t.length() - 1);
		try {
			long v;
			if (t.startsWith("0x")) v = Long.parseUnsignedLong(t.substring(2), 16);
			else if (t.length() > 1 && t.startsWith("0")) v = Long.parseUnsignedLong(t.substring(1), 8);
			else v = Long.parseUnsignedLong(t);
			return neg ? -v : v;
		} catch (NumberFormatException e) {
			pos = start;
			throw error("expected a number, found '" + snippet() + "'");
		}
	}

	private String name() throws ImportException {
		int start = pos;
		while (pos < text.length() && nameChar(text.charAt(pos))) pos++;
		if (pos == start) throw error("expected a node or property name, found '" + snippet() + "'");
		return text.substring(start, pos);
	}

	private static boolean nameChar(char c) {
		return Character.isLetterOrDigit(c) || ",._+*#?@-".indexOf(c) >= 0;
	}

	private boolean peekLabel() {
		int p = pos;
		if (p >= text.length() || !(Character.isLetter(text.charAt(p)) || text.charAt(p) == '_')) return false;
		while (p < text.length() && (Character.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '_')) p++;
		return p < text.length() && text.charAt(p) == ':';
	}

	private String label() {
		int start = pos;
		while (text.charAt(pos) != ':') pos++;
		String l = text.substring(start, pos);
		pos++;
		skipSpace();
		return l;
	}

	private void skipLabels() {
		while (peekLabel()) label();
	}

	/** The "/* file:line:col-line:col, … *&#47;" comment dtc -T -T writes after a node or property. */
	private SourceLocation annotation() {
		int p = pos;
		while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) p++;
		if (!text.startsWith("/*", p)) return SourceLocation.unknown(file);
		int end = text.indexOf("*/", p);
		if (end < 0) return SourceLocation.unknown(file);
		String body = text.substring(p + 2, end).strip();
		pos = end + 2;
		String first = body.split(", ")[0];
		// file:line:col-line:col   (the file name itself may hold ':')
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*):(\\d+):\\d+-\\d+:\\d+$").matcher(first);
		if (m.matches()) return new SourceLocation(m.group(1), Integer.parseInt(m.group(2)));
		m = java.util.regex.Pattern.compile("^(.*):(\\d+)$").matcher(first);
		if (m.matches()) return new SourceLocation(m.group(1), Integer.parseInt(m.group(2)));
		return SourceLocation.unknown(file);
	}

	private void skipSpace() {
		while (pos < text.length()) {
			char c = text.charAt(pos);
			if (c == '\n') {
				line++;
				pos++;
			} else if (Character.isWhitespace(c)) {
				pos++;
			} else if (text.startsWith("/*", pos)) {
				int end = text.indexOf("*/", pos + 2);
				end = end < 0 ? text.length() : end + 2;
				for (int k = pos; k < end; k++) if (text.charAt(k) == '\n') line++;
				pos = end;
			} else if (text.startsWith("//", pos)) {
				while (pos < text.length() && text.charAt(pos) != '\n') pos++;
			} else {
				return;
			}
		}
	}

	private boolean peek(char c) {
		return pos < text.length() && text.charAt(pos) == c;
	}

	private boolean peekWord(String w) {
		return text.startsWith(w, pos);
	}

	private boolean accept(String s) {
		if (!text.startsWith(s, pos)) return false;
		pos += s.length();
		return true;
	}

	private void expect(char c) throws ImportException {
		skipSpace();
		if (!peek(c)) throw error("expected '" + c + "', found '" + snippet() + "'");
		pos++;
	}

	private String snippet() {
		int end = Math.min(text.length(), pos + 30);
		String s = text.substring(pos, end);
		int nl = s.indexOf('\n');
		return nl >= 0 ? s.substring(0, nl) : s;
	}

	private ImportException error(String message) {
		return new ImportException(new DtDiagnostic(DtDiagnostic.Severity.ERROR, file, 0, null,
				"cannot read dtc's output (line " + line + "): " + message));
	}
}
