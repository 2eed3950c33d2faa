package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.marker.MarkerInitramfs;

/**
 * The files a marker boot loads, written into the files folder before anything is generated (generation measures
 * them): Xen, Debian's kernel under every name the system gives a kernel Xen or the boot loader loads, and the marker
 * initramfs the domains Xen starts get ({@link Ramdisk#PLAIN}, {@link Ramdisk#PV}). dom0's comes after generation
 * ({@link Dom0Initramfs}).
 */
final class BootFiles {
	private BootFiles() {
	}

	static void write(MarkerPlan plan, Path files, Path xen, BootAssets assets) throws IOException {
		Files.createDirectories(files);
		FileLinks.link(xen, files.resolve(plan.xenFile()));
		for (String k : plan.kernels()) FileLinks.link(assets.linuxImage(), FileLinks.inside(files, k));
		MarkerInitramfs.builder(assets.busybox()).withHook().build().writeTo(files.resolve(Ramdisk.PLAIN.file));
		if (plan.uses(Ramdisk.PV)) {
			requireNetAssets(plan, assets);
			MarkerInitramfs.builder(assets.busybox()).withXenTools(assets.xenToolsRoot(), assets.linuxXenModules()).withHook().build()
					.writeTo(files.resolve(Ramdisk.PV.file));
		}
	}

	/** The vifs a serving driver domain serves need the network modules and Debian's vif-bridge with its bash. */
	static void requireNetAssets(MarkerPlan plan, BootAssets assets) throws IOException {
		if (plan.links().isEmpty()) return;
		for (Path p : List.of(assets.linuxXenModules().resolve("xen-netback.ko"), assets.linuxXenModules().resolve("bridge.ko"),
				assets.xenHotplugScripts().resolve("vif-bridge"), assets.xenToolsRoot().resolve("bin/bash")))
			if (!Files.exists(p)) throw new IOException(p + " is missing: the boot assets predate vifs served by a driver domain; run e2e/assets.sh");
	}
}
