package dev.tessera.boot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tessera.process.ExternalProgram;

/** QEMU's own device tree as a starting point for a host tree, and {@code dtc} to compile one or read one back. */
public final class DeviceTrees {

	private static final ExternalProgram DTC = new ExternalProgram("dtc", "device-tree-compiler")
			.withTimeout(Duration.ofMinutes(1));

	private DeviceTrees() {
	}

	/**
	 * Dumps the device tree QEMU builds for these machine options ({@code -machine dumpdtb=}) and
	 * converts it to source with {@code dtc}. Use the same options as the boot: the tree depends on
	 * them (CPUs, memory, GIC, firmware).
	 */
	public static String dumpQemuDts(String qemuBinary, List<String> machine, Path workDir) throws IOException {
		Files.createDirectories(workDir);
		Path dtb = workDir.resolve("qemu-virt.dtb").toAbsolutePath();
		Path dts = workDir.resolve("qemu-virt.dts").toAbsolutePath();
		List<String> args = new ArrayList<>(machine);
		args.add("-machine");
		args.add("dumpdtb=" + dtb);
		new ExternalProgram(qemuBinary, "qemu-system-arm").withTimeout(Duration.ofMinutes(1)).run(workDir, args).requireSuccess();
		DTC.run(workDir, "-q", "-I", "dtb", "-O", "dts", "-o", dts.toString(), dtb.toString()).requireSuccess();
		return Files.readString(dts);
	}

	/** A compiled device tree as source ({@code dtc -I dtb -O dts}). */
	public static String source(Path dtb) {
		try {
			return DTC.run(dtb.toAbsolutePath().getParent(), "-q", "-I", "dtb", "-O", "dts", dtb.toAbsolutePath().toString()).requireSuccess().stdout();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Compiles a device tree source to a blob ({@code dtc -I dts -O dtb}). */
	public static Path compile(String dtsSource, Path dtb) throws IOException {
		Path dir = dtb.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path dts = dir.resolve(dtb.getFileName().toString().replaceAll("\\.dtb$", "") + ".dts");
		Files.writeString(dts, dtsSource);
		DTC.run(dir, "-q", "-I", "dts", "-O", "dtb", "-o", dtb.toAbsolutePath().toString(), dts.toString()).requireSuccess();
		return dtb;
	}
}
