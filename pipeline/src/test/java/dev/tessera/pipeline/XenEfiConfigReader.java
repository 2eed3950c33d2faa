package dev.tessera.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * xen.cfg read the way Xen's EFI loader reads it (xen/common/efi/boot.c of Xen 4.17 and 4.20, ported line for line):
 * pre_parse ends every line at a control character, drops the blanks that start a line, and turns everything from a
 * {@code #} (or a {@code ;} that starts a line) to the end of the line into nothing; get_value finds {@code item=} in a
 * section and skips the blanks after the {@code =}; split_string cuts {@code kernel=} at the first white space into
 * the file and dom0's command line. Tests read Tessera's xen.cfg through it to see what Xen would get.
 */
final class XenEfiConfigReader {
	private final byte[] cfg;

	XenEfiConfigReader(String text) {
		cfg = text.getBytes(StandardCharsets.US_ASCII);
		preParse();
	}

	private void preParse() {
		boolean start = true, comment = false;
		for (int i = 0; i < cfg.length; i++) {
			int c = cfg[i] & 0xff;
			if (c < 0x20 || c == 0x7f) {
				comment = false;
				start = true;
				cfg[i] = 0;
			} else if (comment || (start && isspace(c))) cfg[i] = 0;
			else if (c == '#' || (start && c == ';')) {
				comment = true;
				cfg[i] = 0;
			} else start = false;
		}
	}

	/** get_value(cfg, section, item): the value as Xen sees it, or empty when Xen finds no such item. */
	Optional<String> value(String section, String item) {
		boolean match = section == null;
		int i = 0;
		while (i < cfg.length) {
			if (cfg[i] == 0) {
				i++;
				continue;
			}
			String line = cString(i);
			if (line.startsWith("[")) {
				if (section != null) {
					if (match) return Optional.empty();
					match = line.startsWith("[" + section + "]");
				}
			} else if (match && line.startsWith(item + "=")) {
				String v = line.substring(item.length() + 1);
				int k = 0;
				while (k < v.length() && isspace(v.charAt(k))) k++;
				return Optional.of(v.substring(k));
			}
			i += line.length();
		}
		return Optional.empty();
	}

	/** split_string: the part before the first white space, and what follows that one character (null when none). */
	static String[] split(String s) {
		for (int i = 0; i < s.length(); i++)
			if (isspace(s.charAt(i))) return new String[] { s.substring(0, i), s.substring(i + 1) };
		return new String[] { s, null };
	}

	private String cString(int from) {
		int end = from;
		while (end < cfg.length && cfg[end] != 0) end++;
		return new String(cfg, from, end - from, StandardCharsets.US_ASCII);
	}

	private static boolean isspace(int c) {
		return c == ' ' || (c >= '\t' && c <= '\r');
	}
}
