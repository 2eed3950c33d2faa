package dev.tessera.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the names closest to a misspelt one. Closeness is the edit distance (insertions, deletions,
 * substitutions and swaps of two neighbouring letters), ignoring case; a name that merely lacks a suffix of the
 * candidate ({@code gpio} for {@code gpio0}, {@code rcar-h3} for {@code rcar-h3-salvator-xs}) is close too, also
 * with one typo in what was written ({@code rcar-h9}).
 */
public final class Suggestions {
	/** At most this many names are suggested. */
	public static final int MAX = 3;

	private Suggestions() {
	}

	/** The candidates closest to {@code name}, best first, at most {@link #MAX}; empty when none is close. */
	public static List<String> closest(String name, Collection<String> candidates) {
		return closest(name, candidates, MAX);
	}

	public static List<String> closest(String name, Collection<String> candidates, int max) {
		if (name == null || name.isEmpty() || candidates == null) return List.of();
		String n = name.toLowerCase(Locale.ROOT);
		int limit = limit(n.length());
		record Scored(String candidate, int score) {
		}
		List<Scored> scored = new ArrayList<>();
		for (String c : new LinkedHashSet<>(candidates)) {
			if (c == null || c.isEmpty() || c.equals(name)) continue;
			String lc = c.toLowerCase(Locale.ROOT);
			int d = distance(n, lc);
			if (d <= limit) scored.add(new Scored(c, d));
			else if (n.length() >= 3 && lc.length() > n.length() && distance(n, lc.substring(0, n.length())) <= 1)
				scored.add(new Scored(c, limit + 1 + (lc.length() - n.length()) / 4));
		}
		scored.sort(Comparator.comparingInt(Scored::score).thenComparing(s -> s.candidate().length()).thenComparing(Scored::candidate));
		return scored.stream().limit(max).map(Scored::candidate).toList();
	}

	/** How many edits a name of this length may be away from a suggestion: 1 for short names, up to 3. */
	static int limit(int length) {
		if (length <= 3) return 1;
		if (length <= 6) return 2;
		return 3;
	}

	/** "'a'", "'a' or 'b'", "'a', 'b' or 'c'". */
	public static String quotedOr(List<String> names) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < names.size(); i++) {
			if (i > 0) sb.append(i == names.size() - 1 ? " or " : ", ");
			sb.append('\'').append(names.get(i)).append('\'');
		}
		return sb.toString();
	}

	/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
	public static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) d[i][0] = i;
		for (int j = 0; j <= b.length(); j++) d[0][j] = j;
		for (int i = 1; i <= a.length(); i++)
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		return d[a.length()][b.length()];
	}
}
