package dev.tessera.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates .tess text so that the rules are reached, not only the parser: numbers swapped for edge values, names for
 * other names of the file or for names Tessera generates, strings given characters the outputs treat specially,
 * lines dropped or doubled, bytes flipped now and then. Seeded: one seed gives one sequence of mutants.
 */
final class ModelMutator {
	private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_.@/-])(0x[0-9a-fA-F_]+|\\d+)([KMG]|ms|us)?(?![A-Za-z0-9_])");
	private static final Pattern NAME = Pattern.compile("(?<![\"A-Za-z0-9_.@/-])[A-Za-z_][A-Za-z0-9_-]*(?![\"A-Za-z0-9_])");
	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
	private static final String[] NUMBERS = { "0", "1", "2", "7", "8", "9", "31", "32", "987", "988", "1019", "4095", "4096",
			"0x1000", "0xfff", "2147483647", "2147483648", "4294967296", "9223372036854775807", "99999999999999999999", "0x0",
			"0xffffffffffffffff", "0x40000000", "0x10000000", "1G", "4G", "64M", "0M", "5ms", "0us", "16" };
	private static final String[] NAMES = { "dom0", "dom0-kernel", "dom0-ramdisk", "host", "Host", "cpupool-rt", "Domain-0",
			"xen", "uart0", "gic", "a", "A" };
	private static final String[] TEXTS = { "\\\"", "\\\\", "'", "$", "${x}", "#", ",", " ", "<", "[", ";", "`", "=", "\\n",
			"\\t", "/", "..", "x".repeat(1100), "\u00e9", "&&", "script=/bin/x" };

	private final Random random;

	ModelMutator(long seed) {
		random = new Random(seed);
	}

	int pick(int n) {
		return random.nextInt(n);
	}

	/** One to three mutations of the text. */
	String mutate(String text) {
		int n = 1 + random.nextInt(3);
		for (int i = 0; i < n; i++) text = once(text);
		return text;
	}

	private String once(String text) {
		return switch (random.nextInt(10)) {
			case 0, 1, 2 -> replaceOne(text, NUMBER, m -> NUMBERS[random.nextInt(NUMBERS.length)] + (m.group(2) == null || random.nextBoolean() ? "" : m.group(2)));
			case 3, 4 -> replaceOne(text, NAME, m -> random.nextBoolean() ? NAMES[random.nextInt(NAMES.length)] : anyName(text));
			case 5, 6 -> replaceOne(text, STRING, m -> {
				String s = m.group(1);
				int at = random.nextInt(s.length() + 1);
				return "\"" + s.substring(0, at) + TEXTS[random.nextInt(TEXTS.length)] + s.substring(at) + "\"";
			});
			case 7 -> lines(text, false);
			case 8 -> lines(text, true);
			default -> flip(text);
		};
	}

	private String anyName(String text) {
		List<String> names = matches(text, NAME);
		return names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
	}

	private String replaceOne(String text, Pattern p, java.util.function.Function<Matcher, String> with) {
		List<int[]> spans = new ArrayList<>();
		Matcher m = p.matcher(text);
		while (m.find()) if (!inComment(text, m.start())) spans.add(new int[] { m.start(), m.end() });
		if (spans.isEmpty()) return text;
		int[] s = spans.get(random.nextInt(spans.size()));
		m = p.matcher(text);
		m.find(s[0]);
		return text.substring(0, s[0]) + with.apply(m) + text.substring(s[1]);
	}

	private static boolean inComment(String text, int at) {
		int line = text.lastIndexOf('\n', at) + 1;
		return text.substring(line, at).contains("//");
	}

	private static List<String> matches(String text, Pattern p) {
		List<String> out = new ArrayList<>();
		Matcher m = p.matcher(text);
		while (m.find()) if (!inComment(text, m.start())) out.add(m.group());
		return out;
	}

	/** Drops a line, or doubles one (a duplicate domain, device, bank or property). */
	private String lines(String text, boolean twice) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		int i = random.nextInt(lines.size());
		if (twice) lines.add(i, lines.get(i));
		else lines.remove(i);
		return String.join("\n", lines);
	}

	private String flip(String text) {
		if (text.isEmpty()) return text;
		int i = random.nextInt(text.length());
		String chars = "{}\"\\;,=<>@#0\u00ff\ufeff";
		char c = chars.charAt(random.nextInt(chars.length()));
		return text.substring(0, i) + c + text.substring(i + 1);
	}
}
