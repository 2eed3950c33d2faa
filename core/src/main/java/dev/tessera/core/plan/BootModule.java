package dev.tessera.core.plan;

/**
 * A file the boot loader puts in memory before Xen starts.
 *
 * @param file       the file's name as the loader finds it (TFTP path, file on the boot partition)
 * @param address    where it is loaded; -1 when the U-Boot script computes it at boot
 * @param size       its size in bytes (exact when known, else the declared maximum); -1 when computed at boot
 * @param sizeSource where the size comes from
 * @param var        the U-Boot variable prefix that holds its address and size in dynamic addressing
 */
public record BootModule(String file, Kind kind, long address, long size, SizeSource sizeSource, String var) {
	public enum Kind {
		XEN("xen"), KERNEL("kernel"), RAMDISK("ramdisk"), DEVICE_TREE("device-tree"), SCRIPT("script"), XSM_POLICY("xsm-policy");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** As manifest.yaml and messages name it. */
		public String label() {
			return label;
		}
	}

	public enum SizeSource {
		/** measured */
		FILE("file"),
		/** the declared maximum */
		MAX("max"),
		/** a file Tessera writes, of a size it fixes */
		GENERATED("generated"),
		/** U-Boot measures it at boot (dynamic addressing) */
		BOOT("boot"),
		UNKNOWN("unknown");

		private final String label;

		SizeSource(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean placed() {
		return address >= 0;
	}

	public long end() {
		return address + size;
	}
}
