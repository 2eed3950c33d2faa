package dev.tessera.core.resolve;

import java.util.List;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;

/** What resolution itself can report: problems that only show once files are measured and placed. */
public final class ResolutionRules {
	public static final RuleInfo MODULE_SIZE = new RuleInfo("boot.module-size", Section.BOOT, Severity.ERROR,
			"Every boot module has a known size",
			"With fixed addressing Tessera places every file in RAM before the build has it: it needs the file, or a "
					+ "declared maximum ('max 64M'), or dynamic addressing, where U-Boot computes addresses at boot.");
	public static final RuleInfo MODULE_FIT = new RuleInfo("boot.module-fit", Section.BOOT, Severity.ERROR,
			"Every boot module fits in free RAM",
			"Modules are placed 2 MiB-aligned in RAM, never over reserved memory, static memory or where the loader "
					+ "keeps the firmware's device tree; a module that does not fit would overwrite one of them.");
	public static final RuleInfo STATIC_FIT = new RuleInfo("memory.static-fit", Section.MEMORY, Severity.ERROR,
			"Static memory Tessera places fits in free RAM",
			"A domain that asks for static memory without an address gets it from the top of free RAM.");
	public static final RuleInfo MODULE_MAX = new RuleInfo("boot.module-max", Section.BOOT, Severity.WARNING,
			"A file is no larger than its declared maximum",
			"The maximum is what the build promised; a larger file is placed by its real size, so the addresses differ from "
					+ "what builds that trusted the maximum expect.");
	public static final RuleInfo KERNEL_ARCH = new RuleInfo("boot.kernel-arch", Section.BOOT, Severity.ERROR,
			"A kernel fits the board's architecture",
			"A 32-bit Arm board runs a 32-bit Xen, which cannot start a 64-bit (arm64 Image) kernel; the domain would never boot.");
	public static final RuleInfo NO_BOARD = new RuleInfo("system.board", Section.SYSTEMS, Severity.ERROR, "A system names its board",
			"Addresses, CPUs and devices all come from the board.");
	public static final RuleInfo TEXT_LENGTH = new RuleInfo("text.length", Section.TEXT, Severity.ERROR,
			"Command lines fit U-Boot's, Xen's and Linux's buffers",
			"Xen's command line and the command line of every domain Xen starts reach Xen through U-Boot's fdt set, which "
					+ "copies a value into a 1024-byte buffer without a bound check (a longer one crashes U-Boot), and Xen keeps "
					+ "each in 1024 bytes (it cuts its own and panics on a module's): 1023 characters at most. A domain started "
					+ "with xl gets its command line from libxl; Linux keeps 2047 characters on arm64 and 1023 on arm and drops "
					+ "the rest. Xen's line counts what Tessera adds (console, dom0_mem, ...).");
	public static final List<RuleInfo> ALL = List.of(MODULE_SIZE, MODULE_FIT, MODULE_MAX, STATIC_FIT, KERNEL_ARCH, NO_BOARD, TEXT_LENGTH);

	private ResolutionRules() {
	}
}
