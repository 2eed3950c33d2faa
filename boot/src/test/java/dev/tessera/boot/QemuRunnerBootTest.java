package dev.tessera.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boots Debian's Xen 4.17 in QEMU with dom0 and one dom0less domU, both running the marker
 * initramfs, through the direct route (QEMU loads Xen, the host DTB and the modules). Needs the
 * assets of {@code e2e/assets.sh}; fails (does not skip) without them.
 */
class QemuRunnerBootTest {

    static final long KERNEL_ADDR = 0x49000000L;
    static final long DOM0_MEM_MIB = 256;
    static final long DOMU_MEM_MIB = 128;

    static BootAssets assets;
    static Path work;
    static Path initramfs;
    static String virtDts;

    @BeforeAll
    static void prepare() throws IOException {
        assets = BootAssets.require();
        TestHost.requireCommands("qemu-system-aarch64", "dtc");
        work = Paths.get("target", "boot-tests", "direct").toAbsolutePath();
        Files.createDirectories(work);
        initramfs = MarkerInitramfs.builder(assets.busybox()).build()
                .writeToUnchecked(work.resolve("marker-initramfs.cpio.gz"));
        virtDts = DeviceTrees.dumpQemuDts("qemu-system-aarch64", QemuBoot.DEFAULT_MACHINE, work);
    }

    /** Where the ramdisk goes: the first 2 MiB boundary after the kernel. */
    static long ramdiskAddr() throws IOException {
        return TestHost.align2M(KERNEL_ADDR + Files.size(assets.linuxImage()));
    }

    /**
     * QEMU's tree plus a /chosen with dom0 and domU1, as in the reference. Both domains boot the
     * same loaded kernel and initramfs; {@code domUKernelAddr} is where domU1's kernel module is
     * said to be.
     */
    static String hostDts(long domUKernelAddr) throws IOException {
        long k = Files.size(assets.linuxImage());
        long r = Files.size(initramfs);
        long rAddr = ramdiskAddr();
        return virtDts + "\n/ {\n  chosen {\n"
                + "    #address-cells = <0x2>;\n    #size-cells = <0x2>;\n"
                + "    xen,xen-bootargs = \"console=dtuart dtuart=/pl011@9000000 dom0_mem=" + DOM0_MEM_MIB
                + "M dom0_max_vcpus=1 bootscrub=0\";\n"
                + "    dom0-kernel {\n"
                + "      compatible = \"multiboot,kernel\", \"multiboot,module\";\n"
                + "      reg = <" + TestHost.cells(KERNEL_ADDR) + " " + TestHost.cells(k) + ">;\n"
                + "      bootargs = \"console=hvc0 quiet guest=dom0\";\n"
                + "    };\n"
                + "    dom0-ramdisk {\n"
                + "      compatible = \"multiboot,ramdisk\", \"multiboot,module\";\n"
                + "      reg = <" + TestHost.cells(rAddr) + " " + TestHost.cells(r) + ">;\n"
                + "    };\n"
                + "    domU1 {\n"
                + "      compatible = \"xen,domain\";\n"
                + "      #address-cells = <0x2>;\n      #size-cells = <0x2>;\n"
                + "      memory = <" + TestHost.cells(DOMU_MEM_MIB * 1024) + ">;\n"
                + "      cpus = <0x1>;\n"
                + "      vpl011;\n"
                + "      module@" + Long.toHexString(domUKernelAddr) + " {\n"
                + "        compatible = \"multiboot,kernel\", \"multiboot,module\";\n"
                + "        reg = <" + TestHost.cells(domUKernelAddr) + " " + TestHost.cells(k) + ">;\n"
                + "        bootargs = \"console=ttyAMA0 quiet guest=domU1\";\n"
                + "      };\n"
                + "      module@" + Long.toHexString(rAddr) + " {\n"
                + "        compatible = \"multiboot,ramdisk\", \"multiboot,module\";\n"
                + "        reg = <" + TestHost.cells(rAddr) + " " + TestHost.cells(r) + ">;\n"
                + "      };\n"
                + "    };\n"
                + "  };\n};\n";
    }

    QemuBoot.Builder boot(Path dtb) throws IOException {
        return QemuBoot.direct(assets.xenDebian(), dtb)
                .loader(assets.linuxImage(), KERNEL_ADDR)
                .loader(initramfs, ramdiskAddr());
    }

    @Test
    void dom0AndDom0lessDomUReportTheirMarkersAndMemory() throws IOException {
        Path dir = work.resolve("good");
        Path dtb = DeviceTrees.compile(hostDts(KERNEL_ADDR), dir.resolve("host.dtb"));
        QemuBoot boot = boot(dtb)
                .expectUpAndDone("dom0", "domU1")
                .expect(ExpectedMarker.of("dom0", "MEM"), ExpectedMarker.of("domU1", "MEM"))
                .failOn("Panic on CPU", "Kernel panic")
                .timeout(Duration.ofMinutes(5))
                .build();

        BootResult r = new QemuRunner().run(boot, dir);
        TestHost.report("direct dom0+domU1", r);

        assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
        assertTrue(r.missing().isEmpty(), r::describe);
        assertMemory(r, "dom0", DOM0_MEM_MIB);
        assertMemory(r, "domU1", DOMU_MEM_MIB);
        assertEquals(1, r.marker("domU1", "CPUS").orElseThrow().longField("n"), r::describe);
        assertEquals(1, r.marker("dom0", "CPUS").orElseThrow().longField("n"), r::describe);
        // the domU's lines really came through Xen's console relay
        assertTrue(r.marker("domU1", "UP").orElseThrow().raw().contains("(XEN)"), r::describe);
    }

    /** MemTotal is what the domain was given less what the kernel keeps: between 70 and 100 %. */
    static void assertMemory(BootResult r, String domain, long givenMiB) {
        long kib = r.marker(domain, "MEM").orElseThrow(() -> new AssertionError(r.describe())).longField("kib");
        long given = givenMiB * 1024;
        assertTrue(kib <= given && kib >= given * 7 / 10,
                domain + " reports MemTotal " + kib + " KiB for " + given + " KiB given\n" + r.describe());
    }

    @Test
    void aDomUWhoseKernelIsNotWhereTheTreeSaysIsReportedMissing() throws IOException {
        Path dir = work.resolve("wrong-domu-kernel");
        long nothingThere = 0x60000000L; // RAM QEMU put nothing in
        Path dtb = DeviceTrees.compile(hostDts(nothingThere), dir.resolve("host.dtb"));
        QemuBoot boot = boot(dtb)
                .expectUpAndDone("dom0", "domU1")
                .timeout(Duration.ofSeconds(90))
                .build();

        BootResult r = new QemuRunner().run(boot, dir);
        TestHost.report("direct, domU1 kernel at a wrong address", r);

        assertNotEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
        assertFalse(r.allSeen(), r::describe);
        assertTrue(r.missing().contains(ExpectedMarker.up("domU1")), r::describe);
        assertTrue(r.missing().contains(ExpectedMarker.done("domU1")), r::describe);
        assertTrue(r.markers("domU1", "UP").isEmpty(), r::describe);
        // Xen 4.17 panics when it cannot build a dom0less domain (and -no-reboot ends QEMU).
        assertTrue(Files.readString(r.serialLog()).contains("Could not set up domain domU1"), r::describe);
    }
}
