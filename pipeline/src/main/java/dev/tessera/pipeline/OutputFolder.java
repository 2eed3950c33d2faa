package dev.tessera.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Generation replaces its output folder as a whole; it may only replace what is Tessera's: a new folder, an
 * empty one, or an earlier output (it has Tessera's manifest.yaml) that does not hold the input.
 */
public final class OutputFolder {
	private OutputFolder() {
	}

	/** Why generation must not write to {@code out}, or null when it may. */
	public static String refusal(Path out, Path input) {
		if (!Files.exists(out)) return null;
		if (!Files.isDirectory(out)) return out + " exists and is not a folder: choose a folder for the output";
		Path dir = out.toAbsolutePath().normalize();
		if (input != null && input.toAbsolutePath().normalize().startsWith(dir))
			return "the output folder " + out + " holds the input " + input + ", and generating replaces the whole folder: choose another";
		try (Stream<Path> entries = Files.list(dir)) {
			if (entries.findAny().isEmpty()) return null;
		} catch (IOException e) {
			return "cannot read " + out + ": " + e.getMessage();
		}
		Path manifest = dir.resolve("manifest.yaml");
		try {
			if (Files.isRegularFile(manifest) && Files.readString(manifest).startsWith("tessera_manifest:")) return null;
		} catch (IOException e) {
			return "cannot read " + manifest + ": " + e.getMessage();
		}
		return out + " is not empty and is not an earlier Tessera output (no manifest.yaml), and generating replaces the "
				+ "whole folder: choose a new or empty folder";
	}
}
