package dev.tessera.core.xen;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Xen release, major.minor; the patch level does not change what the boot formats accept. */
public record XenVersion(int major, int minor) implements Comparable<XenVersion> {
	/** The oldest release Tessera generates for: static memory, the base of embedded Xen, arrived in 4.16. */
	public static final XenVersion OLDEST = new XenVersion(4, 16);
	/** The newest release whose documentation Tessera was checked against. */
	public static final XenVersion NEWEST = new XenVersion(4, 21);
	public static final XenVersion DEFAULT = new XenVersion(4, 17);

	/** Components of at most four digits: a longer one is no Xen release and would not fit an int. */
	private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:\\.\\d{1,4})?");

	public static Optional<XenVersion> parse(String text) {
		if (text == null) return Optional.empty();
		Matcher m = FORMAT.matcher(text.trim());
		if (!m.matches()) return Optional.empty();
		return Optional.of(new XenVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
	}

	public boolean atLeast(XenVersion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(XenVersion o) {
		return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
	}

	@Override
	public String toString() {
		return major + "." + minor;
	}
}
