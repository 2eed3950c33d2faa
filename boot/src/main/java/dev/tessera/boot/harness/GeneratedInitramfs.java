package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.tessera.boot.marker.MarkerInitramfs;
import dev.tessera.core.plan.OutputFiles;
import dev.tessera.model.Start;

/**
 * The initramfs made after generation, because generated files go into them, each padded to the size planned for it:
 * dom0's when it runs xl ({@link Ramdisk#DOM0}: the xl tools, the generated xl folder as /etc/xen — the xl configs, the
 * xl domains' partial device trees, the start and serve scripts —, the extras' files, the xl domains' kernel and
 * ramdisks) and a boot driver domain's ({@link Ramdisk#DRIVER}: the xl tools and the generated serve scripts).
 */
final class GeneratedInitramfs {
	private GeneratedInitramfs() {
	}

	static final String TESSERA_SCHED = "/usr/sbin/tessera-sched";

	/** {@code tesseraSched}: dom0's tessera-sched (the start script applies ARINC 653 schedules with it), or null. */
	static void dom0(MarkerPlan plan, Path out, Path files, Platform p, Map<String, byte[]> extraFiles, Path tesseraSched) throws IOException {
		MarkerInitramfs.Builder b = withXlFolder(MarkerInitramfs.builder(p.busybox()).withXenTools(p.toolsRoot(), p.modules()).withHook(), out);
		for (var e : new TreeMap<>(extraFiles).entrySet()) b.file(e.getKey(), e.getValue(), 0644);
		// where the start script's PATH finds it; it needs only libxenctrl and libxenstore, which the tools root has
		if (tesseraSched != null) b.file(TESSERA_SCHED, Files.readAllBytes(tesseraSched), 0755);
		if (!plan.xlGuests().isEmpty()) {
			b.file(Ramdisk.XL_KERNEL, Files.readAllBytes(p.kernel()), 0644);
			b.file(Ramdisk.PLAIN.pathFor(Start.XL), Files.readAllBytes(files.resolve(Ramdisk.PLAIN.file)), 0644);
		}
		if (plan.uses(Ramdisk.XL)) {
			// an xl driver domain runs its generated serve script: the xl domains' initramfs has the xl folder too
			BootFiles.requireNetAssets(plan, p);
			Path xl = withXlFolder(MarkerInitramfs.builder(p.busybox()).withXenTools(p.toolsRoot(), p.modules()).withHook(), out).build()
					.writeTo(files.resolve(Ramdisk.XL.file));
			b.file(Ramdisk.XL.pathFor(Start.XL), Files.readAllBytes(xl), 0644);
		}
		pad(b.build().writeTo(files.resolve(Ramdisk.DOM0.file)), plan.sizes().dom0(), "dom0's initramfs");
	}

	/** A driver domain Xen starts at boot: the tools, the modules and the generated serve scripts. */
	static void driver(MarkerPlan plan, Path out, Path files, Platform p) throws IOException {
		BootFiles.requireNetAssets(plan, p);
		MarkerInitramfs.Builder b = withXlFolder(MarkerInitramfs.builder(p.busybox()).withXenTools(p.toolsRoot(), p.modules()).withHook(), out);
		pad(b.build().writeTo(files.resolve(Ramdisk.DRIVER.file)), plan.sizes().driver(), "a driver domain's initramfs");
	}

	/** The generated xl folder as /etc/xen: the scripts (start, serve) run unchanged. */
	private static MarkerInitramfs.Builder withXlFolder(MarkerInitramfs.Builder b, Path out) throws IOException {
		for (Path f : generatedXlFiles(out))
			b.file(OutputFiles.DOM0_XEN_DIR + f.getFileName(), Files.readAllBytes(f), f.getFileName().toString().endsWith(".sh") ? 0755 : 0644);
		return b;
	}

	/** Pads with zeros to the planned size: the module's size in /chosen is exact, and Linux skips the zeros. */
	private static void pad(Path ramdisk, long planned, String what) throws IOException {
		long size = Files.size(ramdisk);
		if (size > planned) throw new IOException(what + " is " + size + " bytes, more than the " + planned + " planned for it");
		try (FileChannel ch = FileChannel.open(ramdisk, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(new byte[1]), planned - 1);
		}
	}

	/** The generated xl configs, the compiled partial device trees of xl domains and the scripts, by name. */
	private static List<Path> generatedXlFiles(Path out) throws IOException {
		Path xl = out.resolve(OutputFiles.XL_DIR);
		if (!Files.isDirectory(xl)) return List.of();
		try (Stream<Path> s = Files.list(xl)) {
			return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".dts")).sorted().toList();
		}
	}
}
