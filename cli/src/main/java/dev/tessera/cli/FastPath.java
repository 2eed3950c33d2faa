package dev.tessera.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The common command lines of {@code check} and {@code generate}, read without picocli: building picocli's command
 * line (its annotations, every option's model) is 80–130 ms of a cold start's CPU, reading the few words of a
 * {@code check FILE} or a {@code generate FILE -o DIR} well under one.
 * <p>
 * It accepts only forms whose meaning it can be sure picocli would give the same: the command first, then files
 * and the commands' plain options, each at most once unless repeatable, each value a separate word or after
 * {@code --long=}, no value that starts with {@code -} or is empty. Anything else (help, version, another command,
 * an unknown, repeated, clustered or malformed option, {@code --}, {@code @file}, {@code --file NAME=PATH}, a path
 * the platform refuses) is left to picocli: {@link #parse} returns null and picocli reads the line, with its
 * messages, usage text and exit codes. FastPathTest holds the two readings side by side.
 */
final class FastPath {
	private FastPath() {
	}

	/** The command these arguments ask for, its fields set as picocli would set them; null: let picocli read them. */
	static Callable<Integer> parse(String... args) {
		if (args.length < 2) return null;
		try {
			return switch (args[0]) {
			case "check" -> check(args);
			case "generate" -> generate(args);
			default -> null;
			};
		} catch (InvalidPathException e) {
			return null; // picocli's converter reports it
		}
	}

	/** Runs what {@link #parse} read as picocli's execute would: the same writers, the same internal-error line. */
	static int execute(Callable<Integer> command) {
		PrintWriter out = writer(System.out, "sun.stdout.encoding");
		PrintWriter err = writer(System.err, "sun.stderr.encoding");
		int status;
		try {
			if (command instanceof CheckCommand c) c.setWriters(out, err);
			else ((GenerateCommand) command).setWriters(out, err);
			status = command.call();
		} catch (Exception ex) {
			err.println(Main.internalError(ex));
			status = Main.INTERNAL;
		}
		out.flush();
		err.flush();
		return status;
	}

	private static CheckCommand check(String[] args) {
		CheckCommand c = new CheckCommand();
		c.options = new DiagnosticOptions();
		List<Path> files = new ArrayList<>();
		Words w = new Words(args);
		while (w.next()) {
			if (w.positional()) files.add(Paths.get(w.word));
			else if (!diagnosticOption(w, c.options)) return null;
		}
		if (w.failed || files.isEmpty()) return null;
		c.files = files;
		return c;
	}

	private static GenerateCommand generate(String[] args) {
		GenerateCommand g = new GenerateCommand();
		g.options = new DiagnosticOptions();
		List<Path> positional = new ArrayList<>();
		Words w = new Words(args);
		while (w.next()) {
			if (w.positional()) positional.add(Paths.get(w.word));
			else if (w.is("-o", "--output")) g.output = w.path();
			else if (w.is("-d", "--depfile")) g.depfile = w.path();
			else if (w.is("--system")) g.system = w.value();
			else if (w.is("--xen-config")) g.xenConfig = w.path();
			else if (w.is("--xen-source")) g.xenSource = w.path();
			else if (w.isRepeatable("--files")) g.files.add(w.path());
			else if (w.isRepeatable("--variant")) g.variants.add(w.value());
			else if (w.isFlag("--all-variants")) g.allVariants = true;
			else if (!diagnosticOption(w, g.options)) return null;
		}
		if (w.failed || positional.size() != 1 || g.output == null) return null;
		g.systemFile = positional.get(0);
		return g;
	}

	/** The options check and generate share ({@link DiagnosticOptions}); false: not one of them. */
	private static boolean diagnosticOption(Words w, DiagnosticOptions o) {
		if (w.is("--format")) {
			String f = w.value();
			if (f == null) return true;
			switch (f) {
			case "text" -> o.format = DiagnosticOptions.Format.text;
			case "json" -> o.format = DiagnosticOptions.Format.json;
			case "sarif" -> o.format = DiagnosticOptions.Format.sarif;
			default -> w.failed = true; // picocli names the values it takes
			}
		} else if (w.isFlag("--werror")) o.werror = true;
		else if (w.isRepeatable("-W")) {
			String rule = w.value();
			if (rule != null) o.rules.add(rule);
		} else if (w.isFlag("-q", "--quiet")) o.quiet = true;
		else if (w.isFlag("-v", "--verbose")) o.verbose = true;
		else return false;
		return true;
	}

	/**
	 * The words after the command, one at a time; {@code failed} once a word is one the fast path leaves to picocli
	 * (an option given twice, a value missing, empty or starting with "-").
	 */
	private static final class Words {
		private final String[] args;
		private int i; // the command is args[0]
		private final Set<String> seen = new HashSet<>();
		String word;
		/** The value glued to the option with "=" (--output=DIR), or null. */
		private String glued;
		boolean failed;

		Words(String[] args) {
			this.args = args;
		}

		boolean next() {
			if (failed || ++i >= args.length) return false;
			word = args[i];
			glued = null;
			// picocli reads "@file" as a file of arguments, "--" as the end of options
			if (word.isEmpty() || word.startsWith("@") || word.equals("--")) failed = true;
			else if (word.startsWith("--") && word.indexOf('=') > 2) {
				glued = word.substring(word.indexOf('=') + 1);
				word = word.substring(0, word.indexOf('='));
			}
			return !failed;
		}

		boolean positional() {
			return !word.startsWith("-");
		}

		/** An option of one value, at most once. */
		boolean is(String... names) {
			if (!matches(names)) return false;
			if (!seen.add(names[0])) failed = true;
			return true;
		}

		boolean isRepeatable(String... names) {
			return matches(names);
		}

		/** A flag: no value, at most once. */
		boolean isFlag(String... names) {
			if (!matches(names)) return false;
			if (glued != null || !seen.add(names[0])) failed = true;
			return true;
		}

		private boolean matches(String... names) {
			for (String n : names)
				if (word.equals(n) && (glued == null || n.startsWith("--"))) return true;
			return false;
		}

		/** The option's value, or null (and failed) when it is missing or one the fast path leaves to picocli. */
		String value() {
			String v = glued;
			if (v == null) v = ++i < args.length ? args[i] : null;
			if (v == null || v.isEmpty() || v.startsWith("-") || v.startsWith("@")) {
				failed = true;
				return null;
			}
			return v;
		}

		Path path() {
			String v = value();
			return v == null ? null : Paths.get(v);
		}
	}

	/** A writer as picocli makes its own: the stream's encoding property, else the platform's, buffered, autoflush. */
	private static PrintWriter writer(OutputStream stream, String encodingProperty) {
		return new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, charset(System.getProperty(encodingProperty)))), true);
	}

	private static Charset charset(String name) {
		if (name == null) return Charset.defaultCharset();
		try {
			return Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
		} catch (RuntimeException e) {
			return Charset.defaultCharset();
		}
	}
}
