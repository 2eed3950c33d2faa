package dev.tessera.core.plan;

/**
 * A file the boot loader puts in memory before Xen starts.
 *
 * @param file     the file's name as the loader finds it (TFTP path, file on the boot partition)
 * @param kind     xen, kernel, ramdisk, device-tree or script
 * @param address  where it is loaded; -1 when the U-Boot script computes it at boot
 * @param size     its size in bytes (exact when known, else the declared maximum); -1 when computed at boot
 * @param sizeSource "file" (measured), "max" (declared maximum), "generated" (a file Tessera writes) or "boot"
 * @param var      the U-Boot variable prefix that holds its address and size in dynamic addressing
 */
public record BootModule(String file, String kind, long address, long size, String sizeSource, String var) {

	public boolean placed() {
		return address >= 0;
	}

	public long end() {
		return address + size;
	}
}
