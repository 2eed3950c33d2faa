package dev.tessera.core.xen;

/**
 * What Xen does differently release by release with what Tessera emits, from Xen's own source (the tags
 * RELEASE-4.17.0 to RELEASE-4.21.0; docs/versions.md lists each with its test). Features a system asks for are
 * {@link XenFeature}s; these are behaviours the output must follow.
 */
public final class XenBehaviour {
	private XenBehaviour() {
	}

	/**
	 * Two boot modules of one kind at one address (one file loaded once for several domains): 4.17 merges them
	 * (xen/arch/arm/setup.c add_boot_module). From 4.18 (commit 4f6a291582) a module that overlaps one registered
	 * before is dropped without a word; when a domain Xen starts at boot registers the file first, dom0 loses its
	 * kernel and Xen prints "Xen dom0less mode detected". Domains Xen starts at boot may still share a file: they find
	 * their modules by address.
	 */
	public static boolean dom0SharesBootModules(XenVersion v) {
		return !v.atLeast(new XenVersion(4, 18));
	}

	/**
	 * Xenstore without dom0: up to 4.20 Xen panics ("Xenstore support requires dom0 to be present") when a domain it
	 * starts at boot asks for xenstore (xen,enhanced "enabled") and there is no dom0; "no-xenstore" (grant tables and
	 * event channels) never needs dom0. 4.21 lets a boot domain with the xenstore capability serve it instead
	 * (capabilities, commit df68a4cb7e).
	 */
	public static final XenVersion XENSTORE_DOMAIN = new XenVersion(4, 21);

	/**
	 * From 4.19 Xen lists every static shared-memory region as a /memory node of the guest (commit 7846f7699f): the
	 * guest's Linux counts it as RAM.
	 */
	public static boolean sharedMemoryIsGuestRam(XenVersion v) {
		return v.atLeast(new XenVersion(4, 19));
	}
}
