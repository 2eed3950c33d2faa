package dev.tessera.core.text;

/**
 * What user text may contain to be written into every format Tessera emits (device tree strings, U-Boot
 * scripts, xl configs, UEFI xen.cfg). The formats escape quotes and backslashes; none of them can carry
 * a line break or another control character, and xen.cfg is ASCII only, so those are refused at validation.
 */
public final class SafeText {
	private SafeText() {
	}

	/** The first character that cannot be emitted, or -1 when the text is fine. */
	public static int firstUnsafe(String text) {
		if (text == null) return -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c >= 0x7f) return i;
		}
		return -1;
	}

	public static String describe(char c) {
		return switch (c) {
			case '\n' -> "a line break";
			case '\r' -> "a carriage return";
			case '\t' -> "a tab";
			default -> c >= 0x80 ? String.format("the non-ASCII character U+%04X (xen.cfg and U-Boot take ASCII only)", (int) c)
					: String.format("the control character U+%04X", (int) c);
		};
	}
}
