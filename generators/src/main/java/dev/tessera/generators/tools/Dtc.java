package dev.tessera.generators.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The device-tree compiler: every device tree Tessera emits is compiled by it. */
public final class Dtc extends ExternalTool {
	public Dtc() {
		super("dtc", "device-tree-compiler");
	}

	/**
	 * Compiles {@code source} to {@code output} (both relative to {@code dir}); {@code padTo} &gt; 0 pads the blob to
	 * exactly that many bytes (dtc -S), so its size is known before it exists.
	 */
	public void compile(Path dir, String source, String output, long padTo) {
		List<String> args = new ArrayList<>(List.of("-q", "-I", "dts", "-O", "dtb", "-i", dir.toString(), "-o", output));
		if (padTo > 0) args.addAll(List.of("-S", Long.toString(padTo)));
		args.add(source);
		Result r = run(dir, args, Map.of());
		if (r.exitCode() != 0)
			throw new ToolFailedException("dtc could not compile " + source + ": " + r.stderr().strip());
	}
}
