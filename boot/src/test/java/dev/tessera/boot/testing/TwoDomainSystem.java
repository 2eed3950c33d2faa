package dev.tessera.boot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.tessera.boot.qemu.QemuBoot;

/**
 * The system the boot tests boot: dom0 (256 MiB, 1 vCPU) and one dom0less domU1 (128 MiB, 1 vCPU,
 * vpl011), both running one loaded copy of the kernel and of the marker initramfs. It can describe
 * itself as a /chosen device-tree fragment (direct route) or as U-Boot {@code fdt} commands.
 */
public final class TwoDomainSystem {

	public static final long KERNEL_ADDR = 0x49000000L;
	public static final long DOM0_MEM_MIB = 256;
	public static final long DOMU_MEM_MIB = 128;
	public static final String XEN_BOOTARGS = "console=dtuart dtuart=/pl011@9000000 dom0_mem=" + DOM0_MEM_MIB
			+ "M dom0_max_vcpus=1 bootscrub=0";

	public final Path kernel;
	public final Path initramfs;
	public final long kernelSize;
	public final long ramdiskAddr;
	public final long ramdiskSize;
	public String xenBootargs = XEN_BOOTARGS;
	public String dom0Bootargs = "console=hvc0 quiet guest=dom0";
	public String domUBootargs = "console=ttyAMA0 quiet guest=domU1";
	/** Where domU1's kernel module is said to be (the negative control moves it). */
	public long domUKernelAddr = KERNEL_ADDR;

	public TwoDomainSystem(Path kernel, Path initramfs) throws IOException {
		this.kernel = kernel;
		this.initramfs = initramfs;
		this.kernelSize = Files.size(kernel);
		this.ramdiskAddr = TestHost.align2M(KERNEL_ADDR + kernelSize);
		this.ramdiskSize = Files.size(initramfs);
	}

	/** Loaders for the kernel and the initramfs. */
	public QemuBoot.Builder load(QemuBoot.Builder b) {
		return b.loader(kernel, KERNEL_ADDR).loader(initramfs, ramdiskAddr);
	}

	private static String cells(long v) {
		return TestHost.cells(v);
	}

	/** QEMU's tree source with this system's /chosen merged in. */
	public String hostDts(String qemuDts) {
		return qemuDts + "\n/ {\n  chosen {\n"
				+ "    #address-cells = <0x2>;\n    #size-cells = <0x2>;\n"
				+ "    xen,xen-bootargs = \"" + xenBootargs + "\";\n"
				+ "    dom0-kernel {\n"
				+ "      compatible = \"multiboot,kernel\", \"multiboot,module\";\n"
				+ "      reg = <" + cells(KERNEL_ADDR) + " " + cells(kernelSize) + ">;\n"
				+ "      bootargs = \"" + dom0Bootargs + "\";\n"
				+ "    };\n"
				+ "    dom0-ramdisk {\n"
				+ "      compatible = \"multiboot,ramdisk\", \"multiboot,module\";\n"
				+ "      reg = <" + cells(ramdiskAddr) + " " + cells(ramdiskSize) + ">;\n"
				+ "    };\n"
				+ "    domU1 {\n"
				+ "      compatible = \"xen,domain\";\n"
				+ "      #address-cells = <0x2>;\n      #size-cells = <0x2>;\n"
				+ "      memory = <" + cells(DOMU_MEM_MIB * 1024) + ">;\n"
				+ "      cpus = <0x1>;\n"
				+ "      vpl011;\n"
				+ "      module@" + Long.toHexString(domUKernelAddr) + " {\n"
				+ "        compatible = \"multiboot,kernel\", \"multiboot,module\";\n"
				+ "        reg = <" + cells(domUKernelAddr) + " " + cells(kernelSize) + ">;\n"
				+ "        bootargs = \"" + domUBootargs + "\";\n"
				+ "      };\n"
				+ "      module@" + Long.toHexString(ramdiskAddr) + " {\n"
				+ "        compatible = \"multiboot,ramdisk\", \"multiboot,module\";\n"
				+ "        reg = <" + cells(ramdiskAddr) + " " + cells(ramdiskSize) + ">;\n"
				+ "      };\n"
				+ "    };\n"
				+ "  };\n};\n";
	}

	/**
	 * U-Boot commands that build the same /chosen in QEMU's tree at {@code ${fdt_addr}} and start
	 * Xen, which a loader put at {@code xenAddr}.
	 */
	public String ubootScript(long xenAddr) {
		String k = "<" + cells(KERNEL_ADDR) + " " + cells(kernelSize) + ">";
		String kU = "<" + cells(domUKernelAddr) + " " + cells(kernelSize) + ">";
		String rd = "<" + cells(ramdiskAddr) + " " + cells(ramdiskSize) + ">";
		String u = "/chosen/domU1";
		String uk = u + "/module@" + Long.toHexString(domUKernelAddr);
		String ur = u + "/module@" + Long.toHexString(ramdiskAddr);
		return String.join("\n",
				"fdt addr ${fdt_addr}",
				"fdt resize 8192",
				"fdt set /chosen \\#address-cells <0x2>",
				"fdt set /chosen \\#size-cells <0x2>",
				"fdt set /chosen xen,xen-bootargs \"" + xenBootargs + "\"",
				// fdt mknod puts a node before its siblings: create domU1 first, dom0's last
				"fdt mknod /chosen domU1",
				"fdt set " + u + " compatible \"xen,domain\"",
				"fdt set " + u + " \\#address-cells <0x2>",
				"fdt set " + u + " \\#size-cells <0x2>",
				"fdt set " + u + " memory <" + cells(DOMU_MEM_MIB * 1024) + ">",
				"fdt set " + u + " cpus <0x1>",
				"fdt set " + u + " vpl011",
				"fdt mknod " + u + " module@" + Long.toHexString(ramdiskAddr),
				"fdt set " + ur + " compatible \"multiboot,ramdisk\" \"multiboot,module\"",
				"fdt set " + ur + " reg " + rd,
				"fdt mknod " + u + " module@" + Long.toHexString(domUKernelAddr),
				"fdt set " + uk + " compatible \"multiboot,kernel\" \"multiboot,module\"",
				"fdt set " + uk + " reg " + kU,
				"fdt set " + uk + " bootargs \"" + domUBootargs + "\"",
				"fdt mknod /chosen dom0-ramdisk",
				"fdt set /chosen/dom0-ramdisk compatible \"multiboot,ramdisk\" \"multiboot,module\"",
				"fdt set /chosen/dom0-ramdisk reg " + rd,
				"fdt mknod /chosen dom0-kernel",
				"fdt set /chosen/dom0-kernel compatible \"multiboot,kernel\" \"multiboot,module\"",
				"fdt set /chosen/dom0-kernel reg " + k,
				"fdt set /chosen/dom0-kernel bootargs \"" + dom0Bootargs + "\"",
				"booti 0x" + Long.toHexString(xenAddr) + " - ${fdt_addr}",
				"");
	}
}
