package dev.tessera.boot.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.tessera.boot.testing.TestHost;
import dev.tessera.boot.testing.TwoDomainSystem;
import dev.tessera.boot.testing.UBootScript;
import dev.tessera.boot.marker.MarkerKind;

/**
 * The U-Boot route: QEMU starts Debian's U-Boot, whose environment (second flash bank) runs a
 * boot script that builds /chosen in QEMU's own tree with {@code fdt} commands and {@code booti}s
 * Debian's Xen. The script is either put in RAM by a loader or fetched over QEMU's built-in TFTP.
 */
class QemuRunnerUBootTest {

	static final long XEN_ADDR = 0x40400000L;
	static final long SCRIPT_ADDR = 0x48000000L;

	static BootAssets assets;
	static Path work;
	static Path initramfs;

	@BeforeAll
	static void prepare() throws IOException {
		assets = BootAssets.require();
		TestHost.requireCommands("qemu-system-aarch64", "mkimage", "mkenvimage");
		work = Paths.get("target", "boot-tests", "uboot").toAbsolutePath();
		Files.createDirectories(work);
		initramfs = MarkerInitramfs.builder(assets.busybox()).build()
				.writeTo(work.resolve("marker-initramfs.cpio.gz"));
	}

	QemuBoot.Builder common(TwoDomainSystem sys, Path flash) {
		return sys.load(QemuBoot.uboot(assets.ubootQemuArm64(), flash))
				.loader(assets.xenDebian(), XEN_ADDR)
				.expectUpAndDone("dom0", "domU1")
				.expect(ExpectedMarker.of("dom0", MarkerKind.MEM), ExpectedMarker.of("domU1", MarkerKind.MEM))
				.failOn("Panic on CPU", "Kernel panic", "Unknown command", "Bad Linux ARM64 Image")
				.timeout(Duration.ofMinutes(5));
	}

	static void assertBooted(BootResult r) {
		assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
		TestHost.assertMemory(r, "dom0", TwoDomainSystem.DOM0_MEM_MIB);
		TestHost.assertMemory(r, "domU1", TwoDomainSystem.DOMU_MEM_MIB);
		assertTrue(r.marker("domU1", MarkerKind.UP).orElseThrow().raw().contains("DOM1:"), r::describe);
	}

	@Test
	void bootScriptInRam() throws IOException {
		Path dir = work.resolve("ram");
		TwoDomainSystem sys = new TwoDomainSystem(assets.linuxImage(), initramfs);
		Path scr = UBootScript.compile(sys.ubootScript(XEN_ADDR), dir.resolve("boot.scr"));
		Path flash = UBootEnvironment.sourceFromRam(SCRIPT_ADDR).writeFlash(dir.resolve("flash1.img"));
		QemuBoot boot = common(sys, flash).loader(scr, SCRIPT_ADDR).build();

		BootResult r = new QemuRunner().run(boot, dir);
		TestHost.report("u-boot, script in RAM", r);
		assertBooted(r);
	}

	@Test
	void bootScriptOverTftp() throws IOException {
		Path dir = work.resolve("tftp");
		Path tftp = dir.resolve("tftp");
		TwoDomainSystem sys = new TwoDomainSystem(assets.linuxImage(), initramfs);
		UBootScript.compile(sys.ubootScript(XEN_ADDR), tftp.resolve("boot.scr"));
		Path flash = UBootEnvironment.sourceFromTftp("boot.scr", SCRIPT_ADDR).writeFlash(dir.resolve("flash1.img"));
		QemuBoot boot = common(sys, flash).tftp(tftp).build();

		BootResult r = new QemuRunner().run(boot, dir);
		TestHost.report("u-boot, script over TFTP", r);
		assertBooted(r);
	}
}
