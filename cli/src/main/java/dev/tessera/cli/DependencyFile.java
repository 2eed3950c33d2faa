package dev.tessera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.tessera.pipeline.Pipeline;

/**
 * A make dependency file, as {@code gcc -MD} and {@code dtc -d} write one: every output of the run on the left, every
 * file it read on the right, so that make (and Ninja, and Yocto's tasks through it) reruns Tessera when an input
 * changes. Written to a temporary file and moved into place, like the outputs.
 */
final class DependencyFile {
	private DependencyFile() {
	}

	static void write(Path depfile, Path output, Pipeline.Outcome outcome) throws IOException {
		List<String> targets = new ArrayList<>();
		Path out = output.toAbsolutePath().normalize();
		outcome.artifacts().forEach(a -> targets.add(escape(out.resolve(a.path()).toString())));
		targets.add(escape(out.resolve("manifest.yaml").toString()));
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

	/** make's escapes in a rule: a space and a '#' take a backslash, a '$' is doubled (':' only matters in targets' drive letters). */
	static String escape(String path) {
		return path.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$");
	}
}
