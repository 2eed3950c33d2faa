package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tessera.boot.marker.MarkerInitramfs;

/**
 * The files a marker boot loads, written into the files folder before anything is generated (generation measures
 * them): Xen, the harness's kernel under every name the system gives a kernel Xen or the boot loader loads, and the
 * marker initramfs the domains Xen starts get ({@link Ramdisk#PLAIN}, {@link Ramdisk#PV}). dom0's and the boot driver
 * domains' come after generation ({@link GeneratedInitramfs}), with generated files in them.
 */
final class BootFiles {
	private BootFiles() {
	}

	static void write(MarkerPlan plan, Path files, Path xen, Platform p) throws IOException {
		Files.createDirectories(files);
		FileLinks.link(xen, files.resolve(plan.xenFile()));
		for (String k : plan.kernels()) FileLinks.link(p.kernel(), FileLinks.inside(files, k));
		MarkerInitramfs.builder(p.busybox()).withHook().build().writeTo(files.resolve(Ramdisk.PLAIN.file));
		if (plan.uses(Ramdisk.PV)) {
			requireNetAssets(plan, p);
			MarkerInitramfs.builder(p.busybox()).withXenTools(p.toolsRoot(), p.modules()).withHook().build().writeTo(files.resolve(Ramdisk.PV.file));
		}
	}

	/** The burner, under the name the burner domains' kernel overrides give ({@link MarkerPlan#BURNER}). */
	static void writeBurner(Path files, Path burner) throws IOException {
		FileLinks.link(burner, files.resolve(MarkerPlan.BURNER));
	}

	/** The vifs a serving driver domain serves need the network modules and Debian's vif-bridge with its bash. */
	static void requireNetAssets(MarkerPlan plan, Platform p) throws IOException {
		if (plan.links().isEmpty()) return;
		for (Path f : List.of(p.modules().resolve("xen-netback.ko"), p.modules().resolve("bridge.ko"), p.hotplugScripts().resolve("vif-bridge"),
				p.toolsRoot().resolve("bin/bash")))
			if (!Files.exists(f)) throw new IOException(f + " is missing: the boot assets predate vifs served by a driver domain; run e2e/assets.sh");
	}
}
