package dev.tessera.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux source tree (or the part of it scripts/linux-dts.sh extracts) that holds a device-tree source: its
 * root, its version, and the include directory the kernel's build gives the preprocessor and dtc.
 */
public record KernelTree(Path root, String version, String debianVersion) {
	/** The tree containing {@code source}, found by walking up to a directory with scripts/dtc/include-prefixes. */
	public static Optional<KernelTree> containing(Path source) {
		for (Path d = source.toAbsolutePath().normalize().getParent(); d != null; d = d.getParent())
			if (Files.isDirectory(d.resolve("scripts/dtc/include-prefixes")) && Files.isDirectory(d.resolve("arch")))
				return Optional.of(new KernelTree(d, version(d.resolve("Makefile")), debian(d)));
		return Optional.empty();
	}

	/** The kernel's own include directory for device trees (arm/, arm64/, dt-bindings/ …). */
	public Path includePrefixes() {
		return root.resolve("scripts/dtc/include-prefixes");
	}

	/** The source's path inside the tree, with '/' separators. */
	public String relative(Path source) {
		return root.relativize(source.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}

	/** "Linux 6.1.192 arch/arm64/boot/dts/… (Debian linux-source-6.1 6.1.192-2)" */
	public String describe(Path source) {
		return "Linux " + (version == null ? "(unknown version)" : version) + " " + relative(source)
				+ (debianVersion == null ? "" : " (Debian linux-source " + debianVersion + ")");
	}

	private static String version(Path makefile) {
		try {
			String text = Files.readString(makefile);
			String v = field(text, "VERSION"), p = field(text, "PATCHLEVEL"), s = field(text, "SUBLEVEL"), e = field(text, "EXTRAVERSION");
			if (v == null || p == null) return null;
			return v + "." + p + (s == null || s.isEmpty() ? "" : "." + s) + (e == null ? "" : e);
		} catch (IOException ex) {
			return null;
		}
	}

	private static String field(String text, String name) {
		Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*(\\S*)\\s*$").matcher(text);
		return m.find() ? m.group(1) : null;
	}

	private static String debian(Path root) {
		try {
			Path f = root.resolve(".debian-version");
			return Files.isRegularFile(f) ? Files.readString(f).strip() : null;
		} catch (IOException e) {
			return null;
		}
	}
}
