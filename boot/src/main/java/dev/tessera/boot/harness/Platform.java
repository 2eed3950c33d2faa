package dev.tessera.boot.harness;

import java.nio.file.Path;
import java.util.List;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Arch;

/**
 * What a boot runs beside Xen, by the board's architecture and the Xen release: QEMU's binary and machine, U-Boot for
 * it, the harness's Linux, busybox and kernel modules, and the Xen tools root (xl, xenstored, init-dom0less and Xen's
 * hotplug scripts) that dom0 and the driver domains run, which must match the Xen release (libxenctrl's hypercall
 * interface changes between releases).
 *
 * @param dom0RamdiskSize what dom0's initramfs is padded to (planned as its maximum before it is made)
 * @param driverRamdiskSize what a boot driver domain's initramfs is padded to (it takes in the generated serve script)
 */
public record Platform(Arch arch, String qemuBinary, List<String> machine, Path uboot, Path kernel, Path busybox, Path modules, Path toolsRoot,
		Path hotplugScripts, long dom0RamdiskSize, long driverRamdiskSize) {

	static final long DOM0_RAMDISK_ARM64 = 120 * Sizes.MIB, DRIVER_RAMDISK_ARM64 = 48 * Sizes.MIB;
	static final long DOM0_RAMDISK_ARM32 = 48 * Sizes.MIB, DRIVER_RAMDISK_ARM32 = 24 * Sizes.MIB;

	/** QEMU's arm32 virt as the harness boots it: no high memory (PCIe's ECAM below 4 GiB), two Cortex-A15, 1 GiB. */
	public static final List<String> ARM32_MACHINE = List.of("-machine", "virt,virtualization=on,highmem=off", "-cpu", "cortex-a15", "-smp", "2",
			"-m", "1024", "-accel", "tcg,thread=multi", "-nographic", "-net", "none", "-monitor", "none", "-no-reboot");

	/** The platform of a board's architecture booting Xen {@code release} (null: a Xen of one's own, which keeps 4.17's tools). */
	static Platform of(Arch arch, XenVersion release, BootAssets a) {
		if (arch == Arch.ARM32) {
			a.need(BootAssets.Group.ARM32);
			return new Platform(arch, "qemu-system-arm", ARM32_MACHINE, a.path(BootAssets.UBOOT_QEMU_ARM), a.path(BootAssets.LINUX_ZIMAGE_ARMHF),
					a.path(BootAssets.BUSYBOX_ARMHF), a.path(BootAssets.LINUX_XEN_MODULES_ARMHF), a.path(BootAssets.XEN_TOOLS_ROOT_ARMHF),
					a.path(BootAssets.XEN_HOTPLUG_SCRIPTS_ARMHF), DOM0_RAMDISK_ARM32, DRIVER_RAMDISK_ARM32);
		}
		boolean v420 = release != null && release.equals(new XenVersion(4, 20));
		if (v420) a.need(BootAssets.Group.XEN420);
		return new Platform(arch, "qemu-system-aarch64", QemuBoot.DEFAULT_MACHINE, a.ubootQemuArm64(), a.linuxImage(), a.busybox(),
				a.linuxXenModules(), v420 ? a.path(BootAssets.XEN_TOOLS_ROOT_420) : a.xenToolsRoot(),
				v420 ? a.path(BootAssets.XEN_HOTPLUG_SCRIPTS_420) : a.xenHotplugScripts(), DOM0_RAMDISK_ARM64, DRIVER_RAMDISK_ARM64);
	}

	MarkerPlan.PaddedSizes paddedSizes() {
		return new MarkerPlan.PaddedSizes(dom0RamdiskSize, driverRamdiskSize);
	}

	/** U-Boot's route: QEMU keeps its PL061 in the tree it hands the firmware only with ACPI off (arm64 virt drops it otherwise). */
	List<String> ubootMachine() {
		List<String> m = new java.util.ArrayList<>(machine);
		int i = m.indexOf("-machine");
		m.set(i + 1, m.get(i + 1) + ",acpi=off");
		return m;
	}
}
