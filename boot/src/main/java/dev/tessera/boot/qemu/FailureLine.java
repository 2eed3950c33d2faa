package dev.tessera.boot.qemu;

import java.util.Objects;

/**
 * Text on the serial console that ends a boot at once as failed, where it counts: anywhere, only in Xen's own lines
 * ({@code (XEN) ...}: a domain's console output relayed by Xen or a guest's kernel saying the same words does not
 * count), or only in what U-Boot prints before it starts the kernel (its line {@code Starting kernel ...}).
 *
 * @param text   the words, as the program prints them
 * @param where  which lines they count in
 * @param source where the program prints them (file and function of its source), for the reader of a failure
 */
public record FailureLine(String text, Where where, String source) {
	/** The line U-Boot prints when it hands over to the kernel (boot/bootm_os.c, arch/arm/lib/bootm.c). */
	public static final String UBOOT_HANDOVER = "Starting kernel ...";

	public enum Where {
		/** any line */
		ANY,
		/** after Xen's prefix {@code (XEN)} on a line */
		XEN,
		/** a line U-Boot prints before {@link #UBOOT_HANDOVER} */
		UBOOT
	}

	public FailureLine {
		Objects.requireNonNull(text);
		Objects.requireNonNull(where);
		if (text.isEmpty()) throw new IllegalArgumentException("a failure line needs its text");
	}

	public static FailureLine any(String text) {
		return new FailureLine(text, Where.ANY, "");
	}

	/**
	 * Whether {@code line} shows it; {@code ubootDone}: U-Boot has handed over (its words no longer count: they are
	 * common words of a guest's output, e.g. a shell's "syntax error").
	 */
	public boolean matches(String line, boolean ubootDone) {
		return switch (where) {
			case ANY -> line.contains(text);
			case XEN -> inXensOwnWords(line);
			case UBOOT -> !ubootDone && line.contains(text);
		};
	}

	/**
	 * In a part of the line Xen prints as its own: after {@code (XEN) } and before the next prefix, unless Xen relays a
	 * domain's console there ({@code (XEN) DOM1: ...}, whose words are the domain's).
	 */
	private boolean inXensOwnWords(String line) {
		for (int at = line.indexOf("(XEN) "); at >= 0; at = line.indexOf("(XEN) ", at + 1)) {
			int from = at + "(XEN) ".length();
			if (RELAYED.matcher(line).region(from, line.length()).lookingAt()) continue;
			int next = line.indexOf("(XEN)", from);
			if (line.substring(from, next >= 0 ? next : line.length()).contains(text)) return true;
		}
		return false;
	}

	private static final java.util.regex.Pattern RELAYED = java.util.regex.Pattern.compile("DOM\\d+: ");

	@Override
	public String toString() {
		return (where == Where.ANY ? "" : where + ": ") + "\"" + text + "\"" + (source.isEmpty() ? "" : " (" + source + ")");
	}
}
