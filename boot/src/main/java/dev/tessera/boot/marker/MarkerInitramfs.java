package dev.tessera.boot.marker;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip'd newc cpio initramfs made of a static arm64 busybox and the marker {@code /init} ({@link MarkerScripts#INIT}),
 * which prints marker lines ({@link MarkerKind}) on the console, so one initramfs serves every domain of a boot: each
 * domain's boot arguments say what it reports. {@link Builder#withHook()} adds the harness's checks
 * ({@link MarkerScripts#HOOK}) as {@code /tess/hook}, which {@code /init} sources before {@code TESS-DONE};
 * {@link Builder#withXenTools} the xl tools and the Xen driver modules.
 */
public final class MarkerInitramfs {

	private final Path busybox;
	private final Path xenToolsRoot;
	private final Path xenModules;
	private final Map<String, FileEntry> extraFiles;

	private record FileEntry(byte[] content, int mode) { }

	private MarkerInitramfs(Builder b) {
		this.busybox = b.busybox;
		this.xenToolsRoot = b.xenToolsRoot;
		this.xenModules = b.xenModules;
		this.extraFiles = new LinkedHashMap<>(b.extraFiles);
	}

	public static Builder builder(Path busybox) {
		return new Builder(busybox);
	}

	public static final class Builder {
		private final Path busybox;
		private Path xenToolsRoot;
		private Path xenModules;
		private final Map<String, FileEntry> extraFiles = new LinkedHashMap<>();

		private Builder(Path busybox) {
			this.busybox = busybox;
		}

		/**
		 * Includes the Xen tools root made by {@code e2e/assets.sh} (XEN_TOOLS_ROOT: xl, xenstored
		 * and their libraries) and the kernel's Xen driver modules (LINUX_XEN_MODULES, with a
		 * {@code load-order} file), so dom0 can run {@code xl}. Off by default: it adds ~2 MB.
		 */
		public Builder withXenTools(Path toolsRoot, Path kernelXenModules) {
			this.xenToolsRoot = toolsRoot;
			this.xenModules = kernelXenModules;
			return this;
		}

		/** Adds a file at an absolute path inside the initramfs (parents are created). */
		public Builder file(String path, String content, int mode) {
			return file(path, content.getBytes(StandardCharsets.UTF_8), mode);
		}

		public Builder file(String path, byte[] content, int mode) {
			if (!path.startsWith("/")) {
				throw new IllegalArgumentException("path must be absolute: " + path);
			}
			extraFiles.put(path, new FileEntry(content.clone(), mode));
			return this;
		}

		/** Adds the harness's checks ({@link MarkerScripts#HOOK}) as {@code /tess/hook}, which {@code /init} sources. */
		public Builder withHook() {
			return file("/tess/hook", MarkerScripts.bytes(MarkerScripts.HOOK), 0644);
		}

		public MarkerInitramfs build() {
			return new MarkerInitramfs(this);
		}
	}

	/** Writes the gzip'd cpio archive to {@code out}, and returns it. */
	public Path writeTo(Path out) throws IOException {
		Path parent = out.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(out)), 1 << 16);
			 CpioNewcWriter cpio = new CpioNewcWriter(os)) {
			for (String d : List.of("bin", "dev", "proc", "sys", "tmp", "lib", "sbin", "usr", "usr/bin",
					"usr/sbin", "usr/lib", "var", "tess")) {
				cpio.directory(d, 0755);
			}
			cpio.characterDevice("dev/console", 0600, 5, 1);
			cpio.characterDevice("dev/null", 0666, 1, 3);
			cpio.file("bin/busybox", 0755, Files.readAllBytes(busybox));
			cpio.file("init", 0755, MarkerScripts.bytes(MarkerScripts.INIT));
			if (xenToolsRoot != null) {
				addTree(cpio, xenToolsRoot, "");
				if (xenModules != null) {
					ensureDirs(cpio, "lib/modules/xen");
					addTree(cpio, xenModules, "lib/modules/xen");
				}
			}
			for (Map.Entry<String, FileEntry> e : extraFiles.entrySet()) {
				String name = e.getKey().substring(1);
				int slash = name.lastIndexOf('/');
				if (slash > 0) {
					ensureDirs(cpio, name.substring(0, slash));
				}
				cpio.file(name, e.getValue().mode(), e.getValue().content());
			}
		}
		return out;
	}

	private static void ensureDirs(CpioNewcWriter cpio, String dir) throws IOException {
		StringBuilder p = new StringBuilder();
		for (String part : dir.split("/")) {
			if (part.isEmpty()) {
				continue;
			}
			if (p.length() > 0) {
				p.append('/');
			}
			p.append(part);
			if (!cpio.contains(p.toString())) {
				cpio.directory(p.toString(), 0755);
			}
		}
	}

	/** Adds a directory tree (files, symlinks, directories) under {@code prefix}. */
	private static void addTree(CpioNewcWriter cpio, Path root, String prefix) throws IOException {
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> s = Files.walk(root)) {
			s.filter(p -> !p.equals(root)).sorted().forEach(paths::add);
		}
		for (Path p : paths) {
			String rel = root.relativize(p).toString().replace('\\', '/');
			String name = prefix.isEmpty() ? rel : prefix + "/" + rel;
			if (Files.isSymbolicLink(p)) {
				cpio.symlink(name, Files.readSymbolicLink(p).toString());
			} else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
				if (!cpio.contains(name)) {
					cpio.directory(name, 0755);
				}
			} else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
				cpio.file(name, modeOf(p), Files.readAllBytes(p));
			}
		}
	}

	private static int modeOf(Path p) {
		try {
			Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
			return perms.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
		} catch (UnsupportedOperationException | IOException e) {
			return 0644;
		}
	}
}
