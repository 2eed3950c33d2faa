package dev.tessera.generators.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.time.Phases;
import dev.tessera.process.ExternalProgram;

/** The device-tree compiler: every device tree Tessera emits is compiled by it. */
public final class Dtc {
	private final ExternalProgram dtc = new ExternalProgram("dtc", "device-tree-compiler");

	/**
	 * Compiles {@code source} to {@code output} (both relative to {@code dir}); {@code padTo} &gt; 0 pads the blob to
	 * exactly that many bytes (dtc -S), so its size is known before it exists.
	 *
	 * @throws dev.tessera.process.ProgramNotInstalledException when dtc is not installed
	 */
	public void compile(Path dir, String source, String output, long padTo) {
		List<String> args = new ArrayList<>(List.of("-q", "-I", "dts", "-O", "dtb", "-i", dir.toString(), "-o", output));
		if (padTo > 0) args.addAll(List.of("-S", Long.toString(padTo)));
		args.add(source);
		ExternalProgram.Result r;
		try (var t = Phases.start("tools")) {
			r = dtc.run(dir, args);
		}
		if (r.exitCode() != 0)
			throw new ToolFailedException("dtc could not compile " + source + ": " + r.stderr().strip());
	}
}
