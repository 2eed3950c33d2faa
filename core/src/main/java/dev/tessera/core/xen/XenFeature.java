package dev.tessera.core.xen;

/**
 * Xen features a system can ask for, each with the release that first understands it (from Xen's own
 * documentation: docs/misc/arm/device-tree/booting.txt, cpupools.txt, cache-coloring.rst and the
 * release notes). Tessera never emits a feature the target release does not know.
 */
public enum XenFeature {
	STATIC_MEMORY("static memory (xen,static-mem)", 4, 16),
	DIRECT_MAP("direct map (direct-map)", 4, 17),
	BOOT_TIME_CPUPOOLS("boot-time cpupools (xen,cpupool)", 4, 17),
	ENHANCED("PV interfaces for dom0less domains (xen,enhanced)", 4, 17),
	STATIC_EVENT_CHANNELS("static event channels", 4, 17),
	STATIC_SHARED_MEMORY("static shared memory", 4, 17),
	/** max_grant_frames, max_maptrack_frames of a domain Xen starts at boot (booting.txt from 4.18; xl had them before). */
	GRANT_LIMITS("per-domain grant limits for a domain Xen starts at boot", 4, 18),
	/** xl's nr_spis (xl.cfg from 4.19; a domain Xen starts at boot had nr_spis before). */
	XL_NR_SPIS("nr_spis for a domain started with xl", 4, 19),
	/** tee = "ffa" (xl.cfg from 4.18). */
	FFA("FF-A mediation (tee ffa)", 4, 18),
	SVE("Arm SVE for guests", 4, 18),
	PASSTHROUGH_PROPERTY("the passthrough property of a dom0less domain", 4, 19),
	/**
	 * Up to 4.20, init-dom0less (unchanged from 4.17 to 4.20) puts the xenstore page at a fixed guest address
	 * (GUEST_MAGIC_BASE), which Xen cannot populate for a domain with static memory (xen/common/memory.c,
	 * populate_physmap). From 4.21 Xen allocates the page itself (commit df2c03e2eb); an earlier attempt was reverted
	 * before 4.19.0 (efa6e9f15b).
	 */
	XENSTORE_STATIC_MEMORY("xenstore for dom0less domains with static memory", 4, 21),
	CACHE_COLORING("cache colouring (llc-colors)", 4, 20),
	CAPABILITIES("domain capabilities", 4, 21),
	VCPU_AFFINITY("per-vCPU affinity nodes (xen,vcpu)", 4, 21);

	private final String title;
	private final XenVersion since;

	XenFeature(String title, int major, int minor) {
		this.title = title;
		this.since = new XenVersion(major, minor);
	}

	public String title() {
		return title;
	}

	public XenVersion since() {
		return since;
	}

	public boolean availableIn(XenVersion version) {
		return version.atLeast(since);
	}
}
