package dev.tessera.core.xen;

/**
 * What a Xen build must have been configured with for what Tessera emits, and the Kconfig option that says so
 * (xen/arch/arm/Kconfig, xen/common/Kconfig, xen/common/sched/Kconfig of each release).
 */
public enum XenBuildOption {
	STATIC_MEMORY("CONFIG_STATIC_MEMORY", "static memory (xen,static-mem)", null),
	STATIC_SHM("CONFIG_STATIC_SHM", "static shared memory", null),
	BOOT_TIME_CPUPOOLS("CONFIG_BOOT_TIME_CPUPOOLS", "boot-time cpupools (xen,cpupool)", null),
	/** Before 4.19 static event channels were always built; the option arrived with DOM0LESS_BOOT. */
	STATIC_EVTCHN("CONFIG_STATIC_EVTCHN", "static event channels", new XenVersion(4, 19)),
	DOM0LESS_BOOT("CONFIG_DOM0LESS_BOOT", "domains Xen starts at boot (dom0less)", new XenVersion(4, 19)),
	SCHED_CREDIT("CONFIG_SCHED_CREDIT", "the credit scheduler", null),
	SCHED_CREDIT2("CONFIG_SCHED_CREDIT2", "the credit2 scheduler", null),
	SCHED_NULL("CONFIG_SCHED_NULL", "the null scheduler", null),
	SCHED_RTDS("CONFIG_SCHED_RTDS", "the RTDS scheduler", null),
	SCHED_ARINC653("CONFIG_SCHED_ARINC653", "the ARINC 653 scheduler", null),
	LLC_COLORING("CONFIG_LLC_COLORING", "LLC cache colouring", new XenVersion(4, 20)),
	/** Under CONFIG_TEE (xen/arch/arm/tee/Kconfig); both are off unless a build asks for them. */
	OPTEE("CONFIG_OPTEE", "OP-TEE mediation (tee optee)", null),
	FFA("CONFIG_FFA", "FF-A mediation (tee ffa)", null),
	XSM_FLASK("CONFIG_XSM_FLASK", "the FLASK security module (xsm flask)", null),
	XSM_SILO("CONFIG_XSM_SILO", "the SILO security module (xsm silo)", null);

	private final String kconfig;
	private final String what;
	private final XenVersion since;

	XenBuildOption(String kconfig, String what, XenVersion since) {
		this.kconfig = kconfig;
		this.what = what;
		this.since = since;
	}

	public String kconfig() {
		return kconfig;
	}

	public String what() {
		return what;
	}

	/**
	 * Whether {@code build} lacks this: the option is said to be not set, or the file does not know it while the
	 * release it builds has it (a release before the option existed always had the feature built in).
	 */
	public boolean missingIn(XenBuild build, XenVersion release) {
		if (build.enabled(kconfig)) return false;
		if (build.knows(kconfig)) return true;
		return since == null || release.atLeast(since);
	}
}
