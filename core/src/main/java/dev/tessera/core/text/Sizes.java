package dev.tessera.core.text;

/** Byte sizes and addresses as people write them. */
public final class Sizes {
	public static final long KIB = 1024L;
	public static final long MIB = KIB * 1024;
	public static final long GIB = MIB * 1024;
	/** Xen maps memory into guests by 4 KiB pages. */
	public static final long PAGE = 4 * KIB;

	private Sizes() {
	}

	/** 268435456 → "256M"; sizes that are not whole KiB print in bytes. */
	public static String human(long bytes) {
		if (bytes == 0) return "0";
		if (bytes != 0 && bytes % GIB == 0) return bytes / GIB + "G";
		if (bytes != 0 && bytes % MIB == 0) return bytes / MIB + "M";
		if (bytes != 0 && bytes % KIB == 0) return bytes / KIB + "K";
		return bytes + " bytes";
	}

	public static String hex(long value) {
		return "0x" + Long.toHexString(value);
	}

	/** [base, base+size) as "0x40000000-0x4fffffff". */
	public static String range(long base, long size) {
		return hex(base) + "-" + hex(base + size - 1);
	}

	public static long alignUp(long value, long alignment) {
		return (value + alignment - 1) / alignment * alignment;
	}

	public static boolean overlaps(long aBase, long aSize, long bBase, long bSize) {
		return aSize > 0 && bSize > 0 && aBase < bBase + bSize && bBase < aBase + aSize;
	}

	/** Parses what the language accepts as a size: 512M, 2G, 4K, 1MiB, 0x1000, 4096. */
	public static long parse(String text) {
		String t = text.trim().replace("_", "");
		if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
		if (t.endsWith("iB")) t = t.substring(0, t.length() - 2);
		else if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
		char unit = t.charAt(t.length() - 1);
		long factor = switch (unit) {
			case 'K' -> KIB;
			case 'M' -> MIB;
			case 'G' -> GIB;
			case 'T' -> GIB * 1024;
			default -> 1;
		};
		String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
		return Math.multiplyExact(Long.parseLong(digits), factor);
	}
}
