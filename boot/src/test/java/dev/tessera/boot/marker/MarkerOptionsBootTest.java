package dev.tessera.boot.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.qemu.BootResult;
import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.boot.qemu.QemuRunner;
import dev.tessera.boot.testing.DeviceTrees;
import dev.tessera.boot.testing.TestHost;
import dev.tessera.boot.testing.TwoDomainSystem;

/**
 * The optional checks of the marker initramfs, booted with the Xen built from Debian's source
 * with the embedded features (here: the null scheduler for the whole system): {@code /proc/iomem}
 * and device-tree node checks in the domU, {@code xl} in dom0 (tools root included), and dom0's
 * {@code poweroff -f}, which must make QEMU exit by itself.
 */
class MarkerOptionsBootTest {

	static BootAssets assets;
	static Path work;
	static Path initramfs;
	static String qemuDts;

	@BeforeAll
	static void prepare() throws IOException {
		assets = BootAssets.require();
		TestHost.requireCommands("qemu-system-aarch64", "dtc");
		work = Paths.get("target", "boot-tests", "options").toAbsolutePath();
		Files.createDirectories(work);
		initramfs = MarkerInitramfs.builder(assets.busybox())
				.withXenTools(assets.xenToolsRoot(), assets.linuxXenModules())
				.build()
				.writeTo(work.resolve("marker-initramfs-xl.cpio.gz"));
		qemuDts = DeviceTrees.dumpQemuDts("qemu-system-aarch64", QemuBoot.DEFAULT_MACHINE, work);
	}

	@Test
	void iomemDeviceTreeXlAndPoweroffUnderTheFeatureXen() throws IOException {
		List<String> config = Files.readAllLines(assets.xenFeaturesConfig());
		assertTrue(config.contains("CONFIG_SCHED_NULL=y") && config.contains("CONFIG_STATIC_MEMORY=y"),
				"the feature Xen lacks its options: " + assets.xenFeaturesConfig());

		Path dir = work.resolve("null-sched-xl");
		TwoDomainSystem sys = new TwoDomainSystem(assets.linuxImage(), initramfs);
		sys.xenBootargs = TwoDomainSystem.XEN_BOOTARGS + " sched=null";
		sys.dom0Bootargs = "console=hvc0 quiet guest=dom0 tess_dom0=1 tess_xl=list tess_poweroff_after=4";
		sys.domUBootargs = "console=ttyAMA0 quiet guest=domU1 tess_iomem=1 tess_dt=/chosen,/no-such-node";
		Path dtb = DeviceTrees.compile(sys.hostDts(qemuDts), dir.resolve("host.dtb"));
		QemuBoot boot = sys.load(QemuBoot.direct(assets.xenFeatures(), dtb))
				.expect(ExpectedMarker.log("null Scheduler"))
				.expectUpAndDone("dom0", "domU1")
				.expect(ExpectedMarker.of("domU1", MarkerKind.IOMEM, "System RAM"),
						ExpectedMarker.of("domU1", MarkerKind.DT, "present /chosen"),
						ExpectedMarker.of("domU1", MarkerKind.DT, "absent /no-such-node"),
						ExpectedMarker.of("dom0", MarkerKind.XL, "ready"),
						ExpectedMarker.of("dom0", MarkerKind.XLOUT, "Domain-0"))
				.failOn("Panic on CPU", "Kernel panic")
				.stopWhenAllSeen(false) // dom0 powers off: QEMU must exit by itself
				.timeout(Duration.ofMinutes(5))
				.build();

		BootResult r = new QemuRunner().run(boot, dir);
		TestHost.report("feature Xen, sched=null, xl in dom0, poweroff", r);

		assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
		assertTrue(r.exitCode().isPresent(), () -> "QEMU did not exit by itself after poweroff -f\n" + r.describe());
		// domU1 has 128 MiB; Xen maps it at the guest RAM base 0x40000000
		assertEquals(List.of("40000000-47ffffff : System RAM"),
				r.markers("domU1", MarkerKind.IOMEM).stream().map(MarkerLine::text).toList(), r::describe);
	}
}
