package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.boot.qemu.FailureLine;
import dev.tessera.boot.qemu.FailureLine.Where;

/**
 * The lines of Xen, U-Boot and Linux that end a boot at once as failed, each with where its program prints it: a boot
 * that shows one is not what the system declared, even if every domain came up (Xen 4.17 goes on without a device it
 * could not assign; U-Boot goes on with the next command of a script it could not run). Sources: Xen's git tags
 * RELEASE-4.17.0 and RELEASE-4.20.0, U-Boot's v2023.01 (Debian 12's u-boot-qemu 2023.01+dfsg).
 */
final class FailureLines {
	private FailureLines() {
	}

	/** Xen's and Linux's words for a crash, anywhere. */
	static final List<FailureLine> CRASHES = List.of(
			new FailureLine("Panic on CPU", Where.ANY, "Xen: xen/drivers/char/console.c, panic()"),
			new FailureLine("Kernel panic", Where.ANY, "Linux: kernel/panic.c"),
			new FailureLine("Unable to handle kernel", Where.ANY, "Linux: arch/arm64/mm/fault.c, arch/arm/mm/fault.c"),
			new FailureLine("Reboot in five seconds", Where.ANY, "Xen: xen/drivers/char/console.c, panic()"));

	/** Xen's errors in building the domains, in Xen's own lines. */
	static final List<FailureLine> XEN = List.of(
			new FailureLine("Failed to assign device", Where.XEN,
					"4.17 xen/arch/arm/domain_build.c:3062, 4.20 xen/arch/arm/dom0less-build.c:403, handle_passthrough_prop"),
			new FailureLine("Couldn't find node", Where.XEN,
					"4.17 xen/arch/arm/domain_build.c:2978, 4.20 xen/arch/arm/dom0less-build.c:319, handle_passthrough_prop"),
			new FailureLine("Device tree generation failed", Where.XEN,
					"4.17 xen/arch/arm/domain_build.c:3311,3351, 4.20 xen/arch/arm/dom0less-build.c:667, xen/arch/arm/domain_build.c:2049"),
			new FailureLine("Could not set up domain", Where.XEN, "4.17 xen/arch/arm/domain_build.c:3955, 4.20 xen/arch/arm/dom0less-build.c:993, create_domUs"),
			new FailureLine("Unable to", Where.XEN,
					"e.g. 4.17 xen/arch/arm/domain_build.c:2257 \"Unable to map IRQ\", :3369 \"Unable to copy the DTB\"; 4.20 xen/arch/arm/kernel.c"),
			new FailureLine("failed to acquire static memory", Where.XEN,
					"4.17 xen/arch/arm/domain_build.c:554,829, 4.20 xen/arch/arm/static-memory.c:60"),
			// panics: "Panic on CPU" ends the boot first; these name why, for a reader of the list and of the log
			new FailureLine("Xenstore support requires dom0 to be present", Where.XEN,
					"4.17 xen/arch/arm/domain_build.c:3788, 4.20 xen/arch/arm/dom0less-build.c:750, construct_domU: xen,enhanced \"enabled\" without dom0"),
			// FLASK denied something: in a boot the generated policy should allow everything the system declares
			new FailureLine("avc:  denied", Where.XEN, "xen/xsm/flask/avc.c, avc_audit: the policy does not allow what a domain asked"),
			new FailureLine("Could not set up domains evtchn", Where.XEN,
					"4.17 xen/arch/arm/domain_build.c:3589,3595, 4.20 xen/arch/arm/static-evtchn.c:142,148, alloc_static_evtchn"));

	/**
	 * libxl's errors in creating a domain dom0's start script asked for, as the harness relays the script's last lines
	 * (xl goes on with the next command of a script run without {@code set -e}).
	 */
	static final List<FailureLine> XL = List.of(
			new FailureLine("Illegal pool specified", Where.ANY, "4.17 tools/libs/light/libxl_create.c:1134, 4.20 :1178, libxl__domain_config_setdefault: pool= names no cpupool"));

	/**
	 * Xen found no kernel for dom0 (since 4.18 a boot module overlapping one registered before it is dropped, section b
	 * of the research notes) and started the boot domains only: a failure when the system has a dom0.
	 */
	static final FailureLine DOM0LESS_MODE = new FailureLine("Xen dom0less mode detected", Where.XEN,
			"4.17 xen/arch/arm/setup.c:1166, 4.20 xen/arch/arm/setup.c:477");

	/** U-Boot's errors while it runs the generated script, before it hands over. */
	static final List<FailureLine> UBOOT = List.of(
			new FailureLine("syntax error", Where.UBOOT, "common/cli_hush.c:378, syntax_err"),
			new FailureLine("Unknown command '", Where.UBOOT, "common/command.c:82,609, common/cli_hush.c:1671"),
			new FailureLine("libfdt fdt_", Where.UBOOT, "cmd/fdt.c, e.g. :300 \"libfdt fdt_path_offset() returned %s\", :361 fdt_setprop()"),
			new FailureLine("FDT_ERR_", Where.UBOOT, "scripts/dtc/libfdt/fdt_strerror.c: the names libfdt's errors print as"),
			new FailureLine("Bad Linux ARM64 Image magic", Where.UBOOT, "arch/arm/lib/image.c:44, booti"),
			new FailureLine("zimage: Bad magic", Where.UBOOT, "arch/arm/lib/zimage.c:29, bootz"),
			new FailureLine("Wrong Image Format for", Where.UBOOT, "boot/bootm.c:977"),
			new FailureLine("TFTP error", Where.UBOOT, "net/tftp.c:172,626,668,908,961"));

	/** What ends a boot of a system: the crashes, Xen's errors, dom0 lost and xl's errors when there is one, U-Boot's errors on its route. */
	static List<FailureLine> of(boolean dom0, boolean uboot) {
		List<FailureLine> all = new ArrayList<>(CRASHES);
		all.addAll(XEN);
		if (dom0) all.add(DOM0LESS_MODE);
		if (dom0) all.addAll(XL);
		if (uboot) all.addAll(UBOOT);
		return List.copyOf(all);
	}
}
