package dev.tessera.dsl.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link TesseraSyntaxErrors} knows about one syntax error besides its message, carried as the data:
 * the quick fixes a user may apply, and the repair {@link PartialModels} applies to a copy of the text so that
 * the rules can run on the rest of the file.
 *
 * @param kind      how the parser got past the error
 * @param repair    an edit of the same length as what it replaces (so every offset, line and column of the file
 *                  stays as it is), or text appended at the very end; null when no repair is known
 * @param confident whether the repair is surely what the user meant (a unit written in lower case): then the
 *                  element it is in is checked as repaired, else the rules leave that element alone
 * @param fixes     quick fixes, best first
 */
public record SyntaxHint(Kind kind, Edit repair, boolean confident, List<Fix> fixes) {
	static final String TAG = "tessera.syntax";

	public enum Kind {
		/** Only a '}' is missing: the model is what the user wrote. */
		BRACE,
		/** The parser skipped or assumed one token where the error is. */
		LOCAL,
		/** The parser lost its place: what follows the error may be read wrongly or not at all. */
		LOST
	}

	/** Replace {@code length} characters at {@code offset} with {@code text}. */
	public record Edit(int offset, int length, String text) {
	}

	public record Fix(String title, Edit edit) {
	}

	public String[] toData() {
		List<String> d = new ArrayList<>(List.of(TAG, kind.name(), String.valueOf(confident)));
		if (repair == null) d.addAll(List.of("", "", ""));
		else d.addAll(List.of(String.valueOf(repair.offset()), String.valueOf(repair.length()), repair.text()));
		for (Fix f : fixes)
			d.addAll(List.of(f.title(), String.valueOf(f.edit().offset()), String.valueOf(f.edit().length()), f.edit().text()));
		return d.toArray(String[]::new);
	}

	/** The hint an issue's data carries, or null. */
	public static SyntaxHint of(String[] data) {
		if (data == null || data.length < 6 || !TAG.equals(data[0])) return null;
		try {
			Kind kind = Kind.valueOf(data[1]);
			boolean confident = Boolean.parseBoolean(data[2]);
			Edit repair = data[3].isEmpty() ? null : new Edit(Integer.parseInt(data[3]), Integer.parseInt(data[4]), data[5]);
			List<Fix> fixes = new ArrayList<>();
			for (int i = 6; i + 3 < data.length; i += 4)
				fixes.add(new Fix(data[i], new Edit(Integer.parseInt(data[i + 1]), Integer.parseInt(data[i + 2]), data[i + 3])));
			return new SyntaxHint(kind, repair, confident, fixes);
		} catch (RuntimeException e) {
			return null;
		}
	}
}
