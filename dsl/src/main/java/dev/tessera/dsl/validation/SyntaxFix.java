package dev.tessera.dsl.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * A quick fix for a syntax error: replace {@code length} characters at {@code offset} with {@code text}. It travels
 * as the syntax error's data (four strings a fix), which the language server turns into a code action.
 */
public record SyntaxFix(String title, int offset, int length, String text) {

	public static String[] toData(List<SyntaxFix> fixes) {
		List<String> d = new ArrayList<>();
		for (SyntaxFix f : fixes) d.addAll(List.of(f.title, String.valueOf(f.offset), String.valueOf(f.length), f.text));
		return d.toArray(String[]::new);
	}

	/** The fixes an issue's data carries; none when it carries something else. */
	public static List<SyntaxFix> of(String[] data) {
		List<SyntaxFix> out = new ArrayList<>();
		if (data == null || data.length % 4 != 0) return out;
		try {
			for (int i = 0; i < data.length; i += 4)
				out.add(new SyntaxFix(data[i], Integer.parseInt(data[i + 1]), Integer.parseInt(data[i + 2]), data[i + 3]));
		} catch (NumberFormatException e) {
			return List.of();
		}
		return out;
	}
}
