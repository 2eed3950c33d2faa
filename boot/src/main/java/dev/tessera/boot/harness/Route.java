package dev.tessera.boot.harness;

import java.io.IOException;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.qemu.QemuBoot;

/** How QEMU boots the generated system. */
public enum Route {
	/** U-Boot runs the generated boot.scr, fetched over QEMU's TFTP with every file, or from RAM with preloaded files. */
	UBOOT,
	/** QEMU loads Xen (-kernel), the generated host DTB (-dtb) and every module at its planned address. */
	DIRECT,
	/** AAVMF boots Xen as an EFI application with the generated xen.cfg from an EFI system partition. */
	UEFI;

	QemuBoot.Builder builder(PlanView plan, BootFolders folders, BootAssets assets) throws IOException {
		return switch (this) {
			case UBOOT -> UBootRoute.builder(plan, folders, assets);
			case DIRECT -> DirectRoute.builder(plan, folders);
			case UEFI -> UefiRoute.builder(plan, folders);
		};
	}
}
