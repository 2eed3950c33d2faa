package dev.tessera.boot.qemu;

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
import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerInitramfs;
import dev.tessera.boot.testing.DeviceTrees;
import dev.tessera.boot.testing.TestHost;
import dev.tessera.boot.testing.TwoDomainSystem;
import dev.tessera.boot.marker.MarkerKind;

/**
 * Boots Debian's Xen 4.17 in QEMU with dom0 and one dom0less domU, both running the marker
 * initramfs, through the direct route (QEMU loads Xen, the host DTB and the modules). Needs the
 * assets of {@code e2e/assets.sh}; fails (does not skip) without them.
 */
class QemuRunnerBootTest {

	static BootAssets assets;
	static Path work;
	static Path initramfs;
	static String qemuDts;

	@BeforeAll
	static void prepare() throws IOException {
		assets = BootAssets.require();
		TestHost.requireCommands("qemu-system-aarch64", "dtc");
		work = Paths.get("target", "boot-tests", "direct").toAbsolutePath();
		Files.createDirectories(work);
		initramfs = MarkerInitramfs.builder(assets.busybox()).build()
				.writeTo(work.resolve("marker-initramfs.cpio.gz"));
		// QEMU virt's own tree, dumped with the options the boots use, converted to source by dtc
		qemuDts = DeviceTrees.dumpQemuDts("qemu-system-aarch64", QemuBoot.DEFAULT_MACHINE, work);
	}

	TwoDomainSystem system() throws IOException {
		return new TwoDomainSystem(assets.linuxImage(), initramfs);
	}

	@Test
	void dom0AndDom0lessDomUReportTheirMarkersAndMemory() throws IOException {
		Path dir = work.resolve("good");
		TwoDomainSystem sys = system();
		Path dtb = DeviceTrees.compile(sys.hostDts(qemuDts), dir.resolve("host.dtb"));
		QemuBoot boot = sys.load(QemuBoot.direct(assets.xenDebian(), dtb))
				.expectUpAndDone("dom0", "domU1")
				.expect(ExpectedMarker.of("dom0", MarkerKind.MEM), ExpectedMarker.of("domU1", MarkerKind.MEM))
				.failOn("Panic on CPU", "Kernel panic")
				.timeout(Duration.ofMinutes(5))
				.build();

		BootResult r = new QemuRunner().run(boot, dir);
		TestHost.report("direct dom0+domU1", r);

		assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
		assertTrue(r.missing().isEmpty(), r::describe);
		TestHost.assertMemory(r, "dom0", TwoDomainSystem.DOM0_MEM_MIB);
		TestHost.assertMemory(r, "domU1", TwoDomainSystem.DOMU_MEM_MIB);
		assertEquals(1, r.marker("dom0", MarkerKind.CPUS).orElseThrow().longField("n"), r::describe);
		assertEquals(1, r.marker("domU1", MarkerKind.CPUS).orElseThrow().longField("n"), r::describe);
		// the domU's lines really came through Xen's console relay, dom0's straight from hvc0
		assertTrue(r.marker("domU1", MarkerKind.UP).orElseThrow().raw().startsWith("(XEN)"), r::describe);
		assertTrue(r.marker("dom0", MarkerKind.UP).orElseThrow().raw().startsWith("TESS-UP"), r::describe);
	}

	@Test
	void aDomUWhoseKernelIsNotWhereTheTreeSaysIsReportedMissing() throws IOException {
		Path dir = work.resolve("wrong-domu-kernel");
		TwoDomainSystem sys = system();
		sys.domUKernelAddr = 0x60000000L; // RAM in which QEMU put nothing
		Path dtb = DeviceTrees.compile(sys.hostDts(qemuDts), dir.resolve("host.dtb"));
		QemuBoot boot = sys.load(QemuBoot.direct(assets.xenDebian(), dtb))
				.expectUpAndDone("dom0", "domU1")
				.timeout(Duration.ofSeconds(90))
				.build();

		BootResult r = new QemuRunner().run(boot, dir);
		TestHost.report("direct, domU1 kernel at a wrong address", r);

		assertNotEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
		assertFalse(r.allSeen(), r::describe);
		assertTrue(r.missing().contains(ExpectedMarker.up("domU1")), r::describe);
		assertTrue(r.missing().contains(ExpectedMarker.done("domU1")), r::describe);
		assertTrue(r.markers("domU1", MarkerKind.UP).isEmpty(), r::describe);
		// Xen 4.17 panics when it cannot build a dom0less domain (and -no-reboot ends QEMU).
		assertTrue(Files.readString(r.serialLog()).contains("Could not set up domain domU1"), r::describe);
	}
}
