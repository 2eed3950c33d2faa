package dev.tessera.dsl.ide.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;

/**
 * A fingerprint of what a file says that a rule can read: a digest of its tokens, without whitespace and comments and
 * without the free text no rule reads (a device's or a reserved region's {@code note}, a board's {@code description}).
 * The model is a function of those tokens, so two versions of a file with the same fingerprint differ in nothing a
 * system's rules see; a note, a comment or a blank line typed into a board leaves it as it was.
 *
 * <p>
 * It reads the text with the grammar's terminal rules, not the node model: walking the 150,000 tokens of a
 * 10,000-device board's nodes took 25–40 ms a keystroke, one pass over its characters a few. Each run of whitespace and
 * comments becomes one separator (the lexer splits tokens there and nowhere else), a string is kept whole, and the
 * string right after the keyword {@code note} or {@code description} (they are keywords everywhere, never names, and
 * the grammar follows them with a string only as that free text) becomes a mark. Where the reading is unsure (a
 * string or comment left open, a syntax error: the parser may then skip a keyword and take the string after it for
 * another value) the file gets a fingerprint of its own: a change, as far as systems are concerned.
 */
public final class BoardFacts {
	/** The user data key under which a file's board carries the fingerprint in the index ({@link FactsInTheIndex}). */
	public static final String KEY = "tessera.facts";

	private static final char SEPARATOR = '\u0000', FREE_TEXT = '\u0001';

	/** Stands for "unknown": never equal to another, so every change counts. */
	private static final AtomicLong UNKNOWN = new AtomicLong();
	private static final String UNKNOWN_PREFIX = "unknown-";

	private BoardFacts() {
	}

	/** The fingerprint an index entry carries: its board's, or null when the file declares no board. */
	public static String in(org.eclipse.xtext.resource.IResourceDescription entry) {
		for (var exported : entry.getExportedObjects()) {
			String facts = exported.getUserData(KEY);
			if (facts != null) return facts;
		}
		return null;
	}

	/** The fingerprint of a resource's text as parsed, or a value of its own where there is no parse to read. */
	public static String of(Resource resource) {
		// with a syntax error the parser may skip a keyword and take the string after it for something else
		if (!(resource instanceof XtextResource r) || r.getParseResult() == null || r.getParseResult().getRootNode() == null
				|| r.getParseResult().hasSyntaxErrors())
			return unknown();
		String facts = facts(r.getParseResult().getRootNode().getText());
		if (facts == null) return unknown();
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every JDK has SHA-256
		}
	}

	/** The text as the tokens the rules read: hidden runs as one separator, free text as a mark; null where unsure. */
	static String facts(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int n = text.length();
		int runStart = 0; // where the characters since the last separator or string began in out
		int previousStart = -1, previousEnd = -1; // the run before the last separator in out; -1 when a string came last
		for (int i = 0; i < n;) {
			char c = text.charAt(i);
			boolean lineComment = c == '/' && i + 1 < n && text.charAt(i + 1) == '/';
			boolean blockComment = c == '/' && i + 1 < n && text.charAt(i + 1) == '*';
			if (isWhitespace(c) || lineComment || blockComment) {
				if (isWhitespace(c)) while (i < n && isWhitespace(text.charAt(i))) i++;
				else if (lineComment) while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
				else {
					int end = text.indexOf("*/", i + 2);
					if (end < 0) return null;
					i = end + 2;
				}
				if (out.length() > runStart) {
					previousStart = runStart;
					previousEnd = out.length();
				}
				if (out.length() == 0 || out.charAt(out.length() - 1) != SEPARATOR) out.append(SEPARATOR);
				runStart = out.length();
			} else if (c == '"') {
				int end = i + 1;
				while (end < n && text.charAt(end) != '"') end += text.charAt(end) == '\\' ? 2 : 1;
				if (end >= n) return null;
				boolean free = out.length() > runStart ? isFreeTextKeyword(out, runStart, out.length())
						: previousStart >= 0 && isFreeTextKeyword(out, previousStart, previousEnd);
				if (free) out.append(FREE_TEXT);
				else out.append(text, i, end + 1);
				i = end + 1;
				previousStart = previousEnd = -1;
				runStart = out.length();
			} else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	/** Whether out[start, end) is the keyword {@code note} or {@code description}. */
	private static boolean isFreeTextKeyword(StringBuilder out, int start, int end) {
		return is(out, start, end, "note") || is(out, start, end, "description");
	}

	private static boolean is(StringBuilder out, int start, int end, String word) {
		if (end - start != word.length()) return false;
		for (int k = 0; k < word.length(); k++)
			if (out.charAt(start + k) != word.charAt(k)) return false;
		return true;
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	/** Whether a fingerprint says what the facts are (it is not one given for want of a reading). */
	static boolean isKnown(String fingerprint) {
		return fingerprint != null && !fingerprint.startsWith(UNKNOWN_PREFIX);
	}

	private static String unknown() {
		return UNKNOWN_PREFIX + UNKNOWN.incrementAndGet();
	}
}
