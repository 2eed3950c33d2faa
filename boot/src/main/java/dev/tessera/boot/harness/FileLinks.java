package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files a boot loads are links to the harness's assets and the generated files, never copies. */
final class FileLinks {
	private FileLinks() {
	}

	/** A file name of the system (with or without a leading slash) inside {@code dir}; it may not leave it. */
	static Path inside(Path dir, String relative) throws IOException {
		Path p = dir.resolve(relative.startsWith("/") ? relative.substring(1) : relative).normalize();
		if (!p.startsWith(dir)) throw new IOException("file name '" + relative + "' leaves the files folder");
		return p;
	}

	/** Makes {@code link} a symbolic link to {@code target}, replacing what was there. */
	static void link(Path target, Path link) throws IOException {
		Files.createDirectories(link.getParent());
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, target.toAbsolutePath());
	}

	/** Links every file of {@code from} into {@code to} (QEMU's TFTP server follows links). */
	static void linkTree(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) return;
		try (var walk = Files.walk(from)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) link(p.toRealPath(), to.resolve(from.relativize(p).toString()));
		}
	}
}
