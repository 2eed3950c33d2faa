package dev.tessera.boot.harness;

import java.io.IOException;

import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.model.Arch;

/** How QEMU boots the generated system. */
public enum Route {
	/** U-Boot runs the generated boot.scr, fetched over QEMU's TFTP with every file, or from RAM with preloaded files. */
	UBOOT,
	/** QEMU loads Xen (-kernel), the generated host DTB (-dtb) and every module at its planned address. */
	DIRECT,
	/** AAVMF boots Xen as an EFI application with the generated xen.cfg from an EFI system partition. */
	UEFI;

	QemuBoot.Builder builder(PlanView plan, BootFolders folders, Platform platform) throws IOException {
		if (platform.arch() == Arch.ARM32 && this != UBOOT)
			throw new BootXen.Unavailable("a 32-bit Arm system boots through U-Boot only (--route uboot), not --route " + name().toLowerCase(java.util.Locale.ROOT));
		return switch (this) {
			case UBOOT -> UBootRoute.builder(plan, folders, platform);
			case DIRECT -> DirectRoute.builder(plan, folders).qemuBinary(platform.qemuBinary()).machine(platform.machine());
			case UEFI -> UefiRoute.builder(plan, folders).qemuBinary(platform.qemuBinary()).machine(platform.machine());
		};
	}
}
