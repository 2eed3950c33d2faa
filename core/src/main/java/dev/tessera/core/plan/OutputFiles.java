package dev.tessera.core.plan;

/**
 * The name of every file Tessera writes, relative to the output folder, and the names the boot loader and dom0
 * find them by: spelled here once, for the resolver, the generators, the manifest and the boot harness.
 */
public final class OutputFiles {
	private OutputFiles() {
	}

	/** The board's device-tree source, copied; the host trees include it. */
	public static final String BOARD_DTS = "board.dts";
	public static final String HOST_DTS = "host.dts";
	public static final String HOST_DTB = "host.dtb";
	public static final String BOOT_CMD = "boot.cmd";
	/** Also the name the boot loader loads the script by. */
	public static final String BOOT_SCR = "boot.scr";
	public static final String UEFI_DIR = "uefi/";
	public static final String UEFI_CONFIG = UEFI_DIR + "xen.cfg";
	public static final String UEFI_BOARD_DTS = UEFI_DIR + BOARD_DTS;
	public static final String UEFI_HOST_DTS = UEFI_DIR + HOST_DTS;
	public static final String UEFI_HOST_DTB = UEFI_DIR + HOST_DTB;
	public static final String XL_DIR = "xl/";
	public static final String START_SCRIPT = XL_DIR + "start-domains.sh";
	public static final String LAYOUT_YAML = "layout.yaml";
	public static final String LAYOUT_SVG = "layout.svg";
	/** One major frame of every ARINC 653 schedule, drawn. */
	public static final String SCHEDULE_SVG = "schedule.svg";
	/** What separates the domains and what connects them, for a reader. */
	public static final String ISOLATION = "isolation.md";
	/** The same as a matrix of the domains. */
	public static final String ISOLATION_SVG = "isolation.svg";
	public static final String MANIFEST = "manifest.yaml";
	/** The compiled FLASK policy: a boot module the loader loads by this name (xen.cfg's xsm= names it too). */
	public static final String XEN_POLICY = "xenpolicy";
	/** The same beside Xen on the EFI partition. */
	public static final String UEFI_XEN_POLICY = UEFI_DIR + XEN_POLICY;
	/** The system's own policy module, in the language of Xen's policy sources. */
	public static final String FLASK_MODULE = "flask/tessera.te";
	/** Which of Xen's modules and Tessera's the policy is made of (Xen's policy Makefile reads the same format). */
	public static final String FLASK_MODULES_CONF = "flask/modules.conf";
	/** Where dom0 keeps what xl reads: the xl configs and the partial device trees of xl domains. */
	public static final String DOM0_XEN_DIR = "/etc/xen/";

	/** The partial device tree of a domain Xen starts at boot: a boot module the loader loads by this name. */
	public static String bootPartialDtb(String domain) {
		return "passthrough/" + domain + ".dtb";
	}

	public static String bootPartialDts(String domain) {
		return "passthrough/" + domain + ".dts";
	}

	/** The partial device tree of an xl domain, in the output folder. */
	public static String xlPartialDtb(String domain) {
		return XL_DIR + xlPartialDtbName(domain);
	}

	public static String xlPartialDts(String domain) {
		return XL_DIR + domain + ".dts";
	}

	/** The same file's name in dom0's {@link #DOM0_XEN_DIR}, where the xl config's device_tree points. */
	public static String xlPartialDtbName(String domain) {
		return domain + ".dtb";
	}

	/** The copy of a boot domain's partial device tree beside Xen on the EFI partition, and its name there. */
	public static String uefiPartialDtb(String domain) {
		return UEFI_DIR + uefiPartialDtbName(domain);
	}

	public static String uefiPartialDtbName(String domain) {
		return domain + ".dtb";
	}

	/**
	 * The script a driver domain runs once it has booted: it starts serving (xl devd) and says so in xenstore, which
	 * dom0's start script waits for.
	 */
	public static String serveScript(String domain) {
		return XL_DIR + "serve-" + domain + ".sh";
	}

	/** Where a driver domain says it serves: its own xenstore directory, relative (the domain's /local/domain/ID/). */
	public static final String SERVING_KEY = "data/tessera/serving";

	/** An ARINC 653 pool's schedule, as dom0's tessera-sched reads it. */
	public static String arinc653Schedule(String pool) {
		return XL_DIR + arinc653ScheduleName(pool);
	}

	public static String arinc653ScheduleName(String pool) {
		return "arinc653-" + pool + ".sched";
	}

	public static String xlConfig(String domain) {
		return XL_DIR + xlConfigName(domain);
	}

	/** An xl config's name in dom0's {@link #DOM0_XEN_DIR}. */
	public static String xlConfigName(String domain) {
		return domain + ".cfg";
	}
}
