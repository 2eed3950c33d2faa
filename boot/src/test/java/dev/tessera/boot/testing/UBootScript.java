package dev.tessera.boot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tessera.process.ExternalProgram;

/** Wraps U-Boot commands into a script image for {@code source} ({@code mkimage -T script}). */
public final class UBootScript {

	private UBootScript() {
	}

	/** Writes {@code commands} to {@code scr.cmd} beside {@code scr} and compiles it to {@code scr}. */
	public static Path compile(String commands, Path scr) throws IOException {
		Path dir = scr.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path cmd = dir.resolve(scr.getFileName() + ".cmd");
		Files.writeString(cmd, commands, StandardCharsets.UTF_8);
		new ExternalProgram("mkimage", "u-boot-tools").run(null, "-A", "arm64", "-O", "linux", "-T", "script", "-C", "none",
				"-d", cmd.toString(), scr.toString()).requireSuccess();
		return scr;
	}
}
