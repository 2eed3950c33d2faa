package dev.tessera.generators.render;

/** Number formats the templates use; exposed to every template as {@code fmt}. */
public final class Fmt {
	/** 0x49000000 */
	public String hex(long value) {
		return "0x" + Long.toHexString(value);
	}

	/** Hex without 0x, as U-Boot's setexpr and filesize use it. */
	public String bare(long value) {
		return Long.toHexString(value);
	}

	/** A 64-bit value as two device-tree cells: "0x0 0x49000000". */
	public String cells2(long value) {
		return "0x" + Long.toHexString(value >>> 32) + " 0x" + Long.toHexString(value & 0xffffffffL);
	}

	/** xl's iomem page numbers: hex without 0x. */
	public String page(long address) {
		return Long.toHexString(address >>> 12);
	}

	public String pages(long size) {
		return Long.toHexString((size + 4095) >>> 12);
	}
}
