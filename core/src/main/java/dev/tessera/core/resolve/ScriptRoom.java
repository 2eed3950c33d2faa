package dev.tessera.core.resolve;

import dev.tessera.core.text.Sizes;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/**
 * How much memory to keep for the boot script (boot.scr), from what it will hold. The script is placed before the
 * domains are planned, so this is a bound from the model, not the script's size: a fixed part (header, Xen's
 * /chosen properties, the load lines) and, per domain, its /chosen node with one line per property, each naming
 * the node's path, plus its command line and devices. A system of a few dozen domains keeps the 256 KiB it always
 * had, so its addresses do not move; a thousand domains get the room they need.
 */
final class ScriptRoom {
	/** What every system gets: more than any system of up to about a hundred domains writes. */
	static final long MINIMUM = 256 * Sizes.KIB;
	private static final long FIXED = 16 * Sizes.KIB;
	/** a domain's node: about twenty lines of fdt set/mknod, its module loads and their reg lines */
	private static final long PER_DOMAIN = 4 * Sizes.KIB;
	/** the name is repeated in every line of the domain's node */
	private static final long PER_NAME_CHAR = 32;
	/** a passed-through device: its xen,passthrough, path and reg lines */
	private static final long PER_DEVICE = 1 * Sizes.KIB;

	private ScriptRoom() {
	}

	static long of(System s) {
		long bytes = FIXED;
		for (Domain d : s.getDomains()) {
			bytes += PER_DOMAIN + PER_NAME_CHAR * length(d.getName()) + 2L * length(d.getCmdline()) + PER_DEVICE * d.getPassthrough().size();
		}
		return Math.max(MINIMUM, Sizes.alignUp(bytes, 64 * Sizes.KIB));
	}

	private static long length(String s) {
		return s == null ? 0 : s.length();
	}
}
