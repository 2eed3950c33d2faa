package dev.tessera.core.text;

/**
 * What user text may contain to reach each consumer of what Tessera emits, read from the consumers' own sources
 * (docs/outputs/README.md, "What each output accepts", has the table):
 * <ul>
 * <li>every output: no line break, no other control character, ASCII only ({@link #firstUnsafe});</li>
 * <li>U-Boot's {@code fdt set} (cmd/fdt.c) reads a value starting with {@code <} as cells and with {@code [} as
 * bytes, and copies a string value into a {@value #FDT_SCRATCHPAD}-byte scratchpad with no bound check; Xen keeps
 * its own and every boot module's command line in {@value #XEN_CMDLINE_MAX}+1-byte buffers;</li>
 * <li>Xen's EFI loader (xen/common/efi/boot.c) cuts a xen.cfg line at the first {@code #} and splits
 * {@code kernel=} at the first white space;</li>
 * <li>xl (tools/xl/xl_parse.c) splits a device spec at every {@code ,}.</li>
 * </ul>
 */
public final class SafeText {
	/** U-Boot's fdt set property buffer (cmd/fdt.c SCRATCHPAD): the strings of one value, each with its NUL. */
	public static final int FDT_SCRATCHPAD = 1024;
	/** Xen's saved command line and each boot module's (xen_commandline_t, BOOTMOD_MAX_CMDLINE): 1024 with the NUL. */
	public static final int XEN_CMDLINE_MAX = 1023;
	/** Linux's COMMAND_LINE_SIZE less the NUL: arm64 2048, arm 1024. */
	public static final int LINUX_CMDLINE_MAX_ARM64 = 2047;
	public static final int LINUX_CMDLINE_MAX_ARM32 = 1023;

	private SafeText() {
	}

	/** The first character that cannot be emitted at all (a control character, non-ASCII), or -1 when the text is fine. */
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
			case ' ' -> "a space";
			case '\uFEFF' -> "a byte-order mark (U+FEFF)";
			default -> c >= 0x80 ? String.format("the non-ASCII character U+%04X (xen.cfg and U-Boot take ASCII only)", (int) c)
					: c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
		};
	}

	/** Whether U-Boot's fdt set would read the value as cells ({@code <...>}) or bytes ({@code [...]}), not a string. */
	public static boolean fdtReadsAsNumbers(String value) {
		return value != null && (value.startsWith("<") || value.startsWith("["));
	}

	/** The first '#' (xen.cfg reads the rest of the line as a comment), or -1. */
	public static int xenCfgComment(String value) {
		return value == null ? -1 : value.indexOf('#');
	}

	/** The first white space in a value xen.cfg splits there (kernel=FILE OPTIONS), or -1. */
	public static int firstSpace(String value) {
		if (value == null) return -1;
		for (int i = 0; i < value.length(); i++)
			if (Character.isWhitespace(value.charAt(i))) return i;
		return -1;
	}

	/** The first ',' (xl splits a device spec there), or -1. */
	public static int xlSpecSeparator(String value) {
		return value == null ? -1 : value.indexOf(',');
	}

	/** A Linux network interface name (net/core/dev.c dev_valid_name): 1-15 bytes, not '.' or '..', no '/', ':' or space. */
	public static boolean validInterfaceName(String name) {
		if (name == null || name.isEmpty() || name.length() > 15 || name.equals(".") || name.equals("..")) return false;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '/' || c == ':' || Character.isWhitespace(c) || c < 0x21 || c >= 0x7f) return false;
		}
		return true;
	}

	private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
	/**
	 * The language of {@link #validDtPath}, as a pattern: the definition the hand-written scan there must equal (a
	 * 10,000-device board checks 10,000 paths on each keystroke in the editor; SafeTextTest holds the two equal).
	 */
	static final java.util.regex.Pattern DT_PATH = java.util.regex.Pattern.compile("/|(/[A-Za-z0-9,._+-]+(@[A-Za-z0-9,._+-]+)?)+");

	/** A MAC address as xl reads it: six two-digit hex bytes separated by ':'. */
	public static boolean validMac(String mac) {
		return mac != null && MAC.matcher(mac).matches();
	}

	/**
	 * A device-tree path dtc can resolve in a path reference ({@code &{/a/b@1}}) and U-Boot's fdt commands can find:
	 * absolute, node names of dtc's characters (letters, digits, {@code ,._+-} and one {@code @} unit address).
	 */
	public static boolean validDtPath(String path) {
		// DT_PATH without a matcher: "/", or one or more of '/', a name, and optionally '@' and a unit address; neither
		// part can hold '/' or '@', so each segment is read in one pass with no backtracking
		if (path == null || path.isEmpty() || path.charAt(0) != '/') return false;
		int n = path.length();
		if (n == 1) return true;
		int i = 0;
		while (i < n) {
			if (path.charAt(i) != '/') return false;
			int name = ++i;
			while (i < n && dtNameChar(path.charAt(i))) i++;
			if (i == name) return false;
			if (i < n && path.charAt(i) == '@') {
				int unit = ++i;
				while (i < n && dtNameChar(path.charAt(i))) i++;
				if (i == unit) return false;
			}
		}
		return true;
	}

	/** [A-Za-z0-9,._+-] */
	private static boolean dtNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '_'
				|| c == '+' || c == '-';
	}
}
