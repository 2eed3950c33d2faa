package dev.tessera.boot.marker;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * A gzip'd newc cpio initramfs made of a static arm64 busybox and an {@code /init} script that
 * prints short marker lines on the console, so one initramfs serves every domain of a boot.
 *
 * <p>Linux hands unknown {@code key=value} boot arguments to {@code /init} as environment
 * variables. The script reads:
 * <ul>
 *   <li>{@code guest=NAME} the domain's name, repeated in every marker line;</li>
 *   <li>{@code tess_iomem=1} print each {@code System RAM} line of {@code /proc/iomem};</li>
 *   <li>{@code tess_dt=/a,/b} print whether each node exists under {@code /proc/device-tree};</li>
 *   <li>{@code tess_dom0=1} this is dom0: with the Xen tools included, load the Xen driver
 *       modules, mount xenfs, start xenstored and run {@code xen-init-dom0};</li>
 *   <li>{@code tess_xl=list,cpupool-list,debug-keys+r} (dom0 with tools) run {@code xl} with each
 *       comma-separated argument list ({@code +} stands for a space) and print its output;</li>
 *   <li>{@code tess_poweroff_after=N} wait N seconds after the last marker, then
 *       {@code poweroff -f} (in dom0 this makes Xen, and so QEMU, exit).</li>
 * </ul>
 * Lines printed, each below 100 characters (Xen relays a domU's console in 128-byte chunks):
 * <pre>
 * TESS-UP name=NAME
 * TESS-MEM name=NAME kib=&lt;MemTotal&gt;
 * TESS-CPUS name=NAME n=&lt;processors&gt;
 * TESS-IOMEM name=NAME 60000000-6fffffff : System RAM      (tess_iomem=1)
 * TESS-DT name=NAME present /reserved-memory              (tess_dt=...)
 * TESS-XL name=NAME ready | TESS-XL name=NAME failed ...   (tess_dom0=1 with tools)
 * TESS-XLOUT name=NAME &lt;a line of xl's output&gt;             (tess_xl=...)
 * TESS-DONE name=NAME
 * </pre>
 * A file {@code /tess/hook} added with {@link Builder#file} is sourced before {@code TESS-DONE};
 * it can call {@code m KIND "text"} to print its own markers.
 */
public final class MarkerInitramfs {

	/** The console marker prefix. */
	public static final String PREFIX = "TESS-";

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

		public MarkerInitramfs build() {
			return new MarkerInitramfs(this);
		}
	}

	/** The {@code /init} script. */
	public static String initScript() {
		return INIT;
	}

	private static final String INIT = """
			#!/bin/busybox sh
			# Tessera marker init: prints TESS-* lines on the console (see MarkerInitramfs.java).
			/bin/busybox mkdir -p /proc /sys /dev /tmp /run /sbin /usr/bin /usr/sbin \\
			  /var/run /var/log /var/lib
			/bin/busybox --install -s
			export PATH=/usr/sbin:/usr/bin:/sbin:/bin
			mount -t proc proc /proc
			mount -t sysfs sysfs /sys
			mount -t devtmpfs devtmpfs /dev 2>/dev/null
			NAME="${guest:-unnamed}"
			m() { echo "TESS-$1 name=$NAME${2:+ $2}" | cut -c1-99; }
			m UP
			m MEM "kib=$(sed -n 's/^MemTotal: *\\([0-9]*\\) kB$/\\1/p' /proc/meminfo)"
			m CPUS "n=$(grep -c '^processor' /proc/cpuinfo)"
			if [ "${tess_iomem:-0}" = 1 ]; then
			  grep ': System RAM$' /proc/iomem | sed 's/^ *//' | while read -r l; do m IOMEM "$l"; done
			fi
			if [ -n "${tess_dt:-}" ]; then
			  for p in $(echo "$tess_dt" | tr ',' ' '); do
			    if [ -e "/proc/device-tree$p" ]; then m DT "present $p"; else m DT "absent $p"; fi
			  done
			fi
			if [ "${tess_dom0:-0}" = 1 ] && [ -x /usr/sbin/xl ]; then
			  for k in $(cat /lib/modules/xen/load-order 2>/dev/null); do
			    insmod "/lib/modules/xen/$k.ko" 2>/dev/null
			  done
			  mkdir -p /proc/xen /var/run/xenstored /var/lib/xenstored /var/log/xen /var/lib/xen \\
			    /var/run/xen /etc/xen
			  [ -e /etc/xen/xl.conf ] || : > /etc/xen/xl.conf
			  mount -t xenfs xenfs /proc/xen 2>/dev/null
			  if xenstored --pid-file /var/run/xenstored.pid >/tmp/xenstored.log 2>&1 \\
			     && xen-init-dom0 >/tmp/xen-init-dom0.log 2>&1; then
			    init-dom0less >/tmp/init-dom0less.log 2>&1
			    m XL ready
			  else
			    m XL "failed $(tail -n 1 /tmp/xenstored.log /tmp/xen-init-dom0.log | tr '\\n' ' ')"
			  fi
			  if [ -n "${tess_xl:-}" ]; then
			    for c in $(echo "$tess_xl" | tr ',' ' '); do
			      xl $(echo "$c" | tr '+' ' ') 2>&1 | tr -s ' \\t' ' ' | while read -r l; do
			        m XLOUT "$l"
			      done
			    done
			  fi
			fi
			if [ -r /tess/hook ]; then . /tess/hook; fi
			m DONE
			if [ -n "${tess_poweroff_after:-}" ]; then
			  sleep "$tess_poweroff_after"
			  poweroff -f
			fi
			while true; do sleep 3600; done
			""";

	/** Writes the gzip'd cpio archive to {@code out}. */
	public void writeTo(Path out) throws IOException {
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
			cpio.file("init", 0755, INIT.getBytes(StandardCharsets.UTF_8));
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

	/** Writes the initramfs and wraps I/O errors, for use in lambdas. */
	public Path writeToUnchecked(Path out) {
		try {
			writeTo(out);
			return out;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
