package dev.tessera.generators.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** U-Boot's mkimage, which wraps a boot script (boot.cmd) into the image U-Boot's source command runs. */
public final class Mkimage extends ExternalTool {
	public Mkimage() {
		super("mkimage", "u-boot-tools");
	}

	public void wrapScript(Path dir, String arch, String script, String image) {
		// SOURCE_DATE_EPOCH pins the header's timestamp: the same script gives the same bytes.
		Result r = run(dir, List.of("-A", arch, "-O", "linux", "-T", "script", "-C", "none", "-n", "Tessera boot script",
				"-d", script, image), Map.of("SOURCE_DATE_EPOCH", "0"));
		if (r.exitCode() != 0)
			throw new ToolFailedException("mkimage could not wrap " + script + ": " + (r.stderr() + r.stdout()).strip());
	}
}
