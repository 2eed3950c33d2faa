package dev.tessera.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;


/**
 * A make dependency file, as {@code gcc -MD} and {@code dtc -d} write one: every output of the run on the left, every
 * file it read on the right, so that make (and Ninja, and Yocto's tasks through it) reruns Tessera when an input
 * changes. Written to a temporary file and moved into place, like the outputs.
 */
public final class DependencyFile {
	private DependencyFile() {
	}

	public static void write(Path depfile, Path output, Pipeline.Outcome outcome) throws IOException {
		List<String> targets = new ArrayList<>();
		Path out = output.toAbsolutePath().normalize();
		outcome.artifacts().forEach(a -> targets.add(escape(out.resolve(a.path()).toString())));
		// products written to folders of their own each have their manifest among the artifacts
		if (outcome.artifacts().stream().noneMatch(a -> Product.MANIFEST.equals(a.role()))) targets.add(escape(out.resolve("manifest.yaml").toString()));
		List<String> inputs = new ArrayList<>();
		for (var i : outcome.inputs()) if (i.path() != null) inputs.add(escape(i.path().toString()));
		StringBuilder b = new StringBuilder();
		b.append(String.join(" \\\n  ", targets)).append(":");
		for (String i : inputs) b.append(" \\\n  ").append(i);
		b.append("\n");
		// each input as a target of its own: make does not fail when one is deleted (gcc -MP)
		for (String i : inputs) b.append("\n").append(i).append(":\n");
		Path abs = depfile.toAbsolutePath();
		Files.createDirectories(abs.getParent());
		Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
		Files.writeString(tmp, b, StandardCharsets.UTF_8);
		Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * Whether what the dependency file records is still what the run would read: it exists, and none of its inputs is
	 * missing or newer than the outputs it names. What a build tool asks before running Tessera again.
	 */
	public static boolean upToDate(Path depfile) {
		try {
			if (!Files.isRegularFile(depfile)) return false;
			String text = Files.readString(depfile, StandardCharsets.UTF_8);
			String rule = text.split("\n\n", 2)[0].replace("\\\n", " ");
			int colon = rule.indexOf(": ");
			if (colon < 0) return false;
			List<String> targets = words(rule.substring(0, colon)), inputs = words(rule.substring(colon + 1));
			long oldest = Long.MAX_VALUE;
			for (String t : targets) {
				Path p = Path.of(t);
				if (!Files.exists(p)) return false;
				oldest = Math.min(oldest, Files.getLastModifiedTime(p).toMillis());
			}
			for (String i : inputs) {
				Path p = Path.of(i);
				if (!Files.exists(p) || Files.getLastModifiedTime(p).toMillis() > oldest) return false;
			}
			return !targets.isEmpty();
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}

	/** The paths of a make rule's side, unescaped. */
	private static List<String> words(String side) {
		List<String> out = new ArrayList<>();
		StringBuilder w = new StringBuilder();
		for (int i = 0; i < side.length(); i++) {
			char c = side.charAt(i);
			if (c == '\\' && i + 1 < side.length()) w.append(side.charAt(++i));
			else if (c == '$' && i + 1 < side.length() && side.charAt(i + 1) == '$') {
				w.append('$');
				i++;
			} else if (Character.isWhitespace(c)) {
				if (w.length() > 0) out.add(w.toString());
				w.setLength(0);
			} else w.append(c);
		}
		if (w.length() > 0) out.add(w.toString());
		return out;
	}

	/** make's escapes in a rule: a space and a '#' take a backslash, a '$' is doubled (':' only matters in targets' drive letters). */
	static String escape(String path) {
		return path.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$");
	}
}
