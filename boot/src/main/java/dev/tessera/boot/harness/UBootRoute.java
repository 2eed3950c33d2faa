package dev.tessera.boot.harness;

import dev.tessera.core.plan.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.boot.qemu.UBootEnvironment;
import dev.tessera.core.text.Sizes;

/**
 * U-Boot runs the generated boot.scr exactly as a board would: its environment (QEMU's second flash bank) fetches the
 * script over QEMU's TFTP server, which serves the generated files and the binaries side by side; or, with preloaded
 * files, sources it where QEMU's loader put it with every file. QEMU runs with ACPI off: with firmware given by -bios
 * and ACPI on, arm64 virt leaves its PL061 out of the tree it hands U-Boot (the board file's tree, dumped without
 * firmware, has it), and a passthrough of it would quietly pass nothing.
 */
final class UBootRoute {
	private UBootRoute() {
	}

	static QemuBoot.Builder builder(PlanView plan, BootFolders f, Platform p) throws IOException {
		Path flash = f.work().resolve("uboot-env.img");
		if (plan.preloaded()) {
			new UBootEnvironment().set("bootcmd", "source " + Sizes.hex(plan.scriptAddress())).writeFlash(flash);
			QemuBoot.Builder b = machine(QemuBoot.uboot(p.uboot(), flash), p);
			b.loader(f.out().resolve(OutputFiles.BOOT_SCR), plan.scriptAddress());
			for (PlanView.Load m : plan.loads()) b.loader(m.xen() ? f.xen() : f.source(m), m.address());
			return b;
		}
		// QEMU's TFTP root: the generated files and the binaries side by side, as on a build server
		Path tftp = f.work().resolve("tftp");
		Files.createDirectories(tftp);
		FileLinks.linkTree(f.out(), tftp);
		FileLinks.linkTree(f.files(), tftp);
		FileLinks.link(f.xen(), tftp.resolve(plan.xenFile()));
		UBootEnvironment.sourceFromTftp(OutputFiles.BOOT_SCR, plan.scriptAddress()).writeFlash(flash);
		return machine(QemuBoot.uboot(p.uboot(), flash), p).tftp(tftp);
	}

	private static QemuBoot.Builder machine(QemuBoot.Builder b, Platform p) {
		return b.qemuBinary(p.qemuBinary()).machine(p.ubootMachine());
	}
}
