package dev.tessera.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A bad and a fixed example for each rule, kept beside the rules (resources dev/tessera/core/rules/examples/
 * &lt;rule-id&gt;.tess): the rule catalogue in docs/ shows them, and the tests prove that the bad one breaks exactly
 * that rule at the position marked « and the fixed one does not.
 */
public final class RuleExamples {
	public static final char MARK = '«';
	private static final String DIR = "/dev/tessera/core/rules/examples/";
	private static final String INCLUDE = "@include ";

	/**
	 * @param bad   the broken text as shown (with the « mark and any @include line)
	 * @param fixed the repaired text as shown
	 */
	public record Example(String bad, String fixed) {
		/** The bad text ready to parse: includes expanded, the mark removed. */
		public String badSource() {
			return expand(bad).replace(String.valueOf(MARK), "");
		}

		public String fixedSource() {
			return expand(fixed);
		}

		/** Line and column (from 1) of the mark in the expanded bad text. */
		public int[] markPosition() {
			String text = expand(bad);
			int at = text.indexOf(MARK);
			if (at < 0) throw new IllegalStateException("example has no « mark");
			String before = text.substring(0, at);
			int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
			return new int[] { line, at - before.lastIndexOf('\n') };
		}

		/** What the catalogue shows: the text without include lines and marks. */
		public static String shown(String text) {
			StringBuilder sb = new StringBuilder();
			for (String l : text.split("\n", -1))
				if (!l.startsWith(INCLUDE)) sb.append(l).append('\n');
			return sb.toString().replace(String.valueOf(MARK), "").strip() + "\n";
		}
	}

	private RuleExamples() {
	}

	public static Optional<Example> of(String ruleId) {
		String text = read(ruleId + ".tess");
		if (text == null) return Optional.empty();
		int bad = text.indexOf("// bad\n"), fixed = text.indexOf("// fixed\n");
		if (bad < 0 || fixed < bad) throw new IllegalStateException("example of " + ruleId + " needs '// bad' then '// fixed'");
		return Optional.of(new Example(text.substring(bad + 7, fixed), text.substring(fixed + 9)));
	}

	/** The texts an example includes by name (the small boards examples share). */
	public static String include(String name) {
		String text = read(name + ".tess");
		if (text == null) throw new IllegalStateException("no example include " + name);
		return text;
	}

	static String expand(String text) {
		StringBuilder sb = new StringBuilder();
		for (String l : text.split("\n", -1)) {
			if (l.startsWith(INCLUDE)) sb.append(include(l.substring(INCLUDE.length()).strip()));
			else sb.append(l).append('\n');
		}
		return sb.substring(0, Math.max(0, sb.length() - 1));
	}

	private static String read(String name) {
		try (InputStream in = RuleExamples.class.getResourceAsStream(DIR + name)) {
			return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
