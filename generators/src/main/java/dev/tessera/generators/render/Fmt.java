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

	/** The start of the page holding {@code address}, as two cells. */
	public String pageCells(long address) {
		return cells2(address & ~0xfffL);
	}

	/** The size of the whole pages covering [base, base+size), as two cells. */
	public String pagesCells(long base, long size) {
		long start = base & ~0xfffL;
		long end = (base + size + 0xfff) & ~0xfffL;
		return cells2(end - start);
	}

	/** xl's iomem page numbers: hex without 0x. */
	public String page(long address) {
		return Long.toHexString(address >>> 12);
	}

	public String pages(long size) {
		return Long.toHexString((size + 4095) >>> 12);
	}

	/** The number of pages covering [base, base+size), for xl's iomem. */
	public String pagesOf(long base, long size) {
		return Long.toHexString((((base + size + 0xfff) & ~0xfffL) - (base & ~0xfffL)) >>> 12);
	}
}
