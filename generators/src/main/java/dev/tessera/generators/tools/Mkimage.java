package dev.tessera.generators.tools;

import java.nio.file.Path;

import dev.tessera.core.time.Phases;
import dev.tessera.process.ExternalProgram;

/** U-Boot's mkimage, which wraps a boot script (boot.cmd) into the image U-Boot's source command runs. */
public final class Mkimage {
	// SOURCE_DATE_EPOCH pins the header's timestamp: the same script gives the same bytes.
	private final ExternalProgram mkimage = new ExternalProgram("mkimage", "u-boot-tools").withEnvironment("SOURCE_DATE_EPOCH", "0");

	/** @throws dev.tessera.process.ProgramNotInstalledException when mkimage is not installed */
	public void wrapScript(Path dir, String arch, String script, String image) {
		ExternalProgram.Result r;
		try (var t = Phases.start("tools")) {
			r = mkimage.run(dir, "-A", arch, "-O", "linux", "-T", "script", "-C", "none", "-n", "Tessera boot script", "-d", script, image);
		}
		if (r.exitCode() != 0)
			throw new ToolFailedException("mkimage could not wrap " + script + ": " + (r.stderr() + r.stdout()).strip());
	}
}
