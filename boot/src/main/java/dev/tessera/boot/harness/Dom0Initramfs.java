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

import dev.tessera.core.plan.OutputFiles;
import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.marker.MarkerInitramfs;
import dev.tessera.model.Start;

/**
 * dom0's initramfs when it runs xl ({@link Ramdisk#DOM0}), made after generation: the xl tools, the generated xl folder
 * (the xl configs, the xl domains' partial device trees, the start script) as /etc/xen, the extras' files, and the xl
 * domains' kernel and ramdisk. Padded to the size planned for it.
 */
final class Dom0Initramfs {
	private Dom0Initramfs() {
	}

	static void write(MarkerPlan plan, Path out, Path files, BootAssets assets, Map<String, byte[]> extraFiles) throws IOException {
		MarkerInitramfs.Builder b = MarkerInitramfs.builder(assets.busybox()).withXenTools(assets.xenToolsRoot(), assets.linuxXenModules())
				.withHook();
		// the generated start script runs unchanged when it attaches PV devices of boot domains
		for (Path p : generatedXlFiles(out))
			b.file(OutputFiles.DOM0_XEN_DIR + p.getFileName(), Files.readAllBytes(p), p.getFileName().toString().endsWith(".sh") ? 0755 : 0644);
		for (var e : new TreeMap<>(extraFiles).entrySet()) b.file(e.getKey(), e.getValue(), 0644);
		if (!plan.xlGuests().isEmpty()) {
			b.file(Ramdisk.XL_KERNEL, Files.readAllBytes(assets.linuxImage()), 0644);
			b.file(Ramdisk.PLAIN.pathFor(Start.XL), Files.readAllBytes(files.resolve(Ramdisk.PLAIN.file)), 0644);
		}
		if (plan.uses(Ramdisk.XL)) {
			BootFiles.requireNetAssets(plan, assets);
			Path xl = MarkerInitramfs.builder(assets.busybox()).withXenTools(assets.xenToolsRoot(), assets.linuxXenModules()).withHook().build()
					.writeTo(files.resolve(Ramdisk.XL.file));
			b.file(Ramdisk.XL.pathFor(Start.XL), Files.readAllBytes(xl), 0644);
		}
		Path ramdisk = b.build().writeTo(files.resolve(Ramdisk.DOM0.file));
		long size = Files.size(ramdisk);
		if (size > Ramdisk.DOM0_SIZE) throw new IOException("dom0's initramfs is " + size + " bytes, more than the " + Ramdisk.DOM0_SIZE
				+ " planned for it");
		// Pad with zeros to the planned size: the module's size in /chosen is exact, and Linux skips the zeros.
		try (FileChannel ch = FileChannel.open(ramdisk, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(new byte[1]), Ramdisk.DOM0_SIZE - 1);
		}
	}

	/** The generated xl configs, the compiled partial device trees of xl domains and the start script, by name. */
	private static List<Path> generatedXlFiles(Path out) throws IOException {
		Path xl = out.resolve(OutputFiles.XL_DIR);
		if (!Files.isDirectory(xl)) return List.of();
		try (Stream<Path> s = Files.list(xl)) {
			return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".dts")).sorted().toList();
		}
	}
}
