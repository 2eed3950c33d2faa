package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.boot.assets.BootAssets;

/**
 * `tessera boot --xen`: what it refuses before anything boots (no QEMU runs here). A system that uses what the Xen
 * build lacks is a model error (exit 1) naming the Kconfig option; a release or asset the harness lacks is a usage
 * error (exit 2) saying what to run.
 */
class BootCommandTest {
	@TempDir
	Path tmp;

	static String example(String name) {
		return CliRun.root().resolve("examples").resolve(name).toString();
	}

	@Test
	void aSystemUsingWhatXen420LacksIsRefusedBeforeBootingNamingTheOptions() {
		BootAssets.require(BootAssets.Group.XEN420);
		CliRun r = CliRun.of("boot", example("qemu/cpupool-null.tess"), "--marker", "--xen", "4.20", "--keep", tmp.resolve("run").toString());
		assertEquals(Main.MODEL_ERRORS, r.exit, r.out + r.err);
		assertTrue(r.err.contains("[xen.build]") && r.err.contains("CONFIG_BOOT_TIME_CPUPOOLS is not set")
				&& r.err.contains("CONFIG_SCHED_NULL is not set"), r.err);
		assertTrue(r.err.contains("warning: the system targets Xen 4.17 but Xen 4.20 boots"), r.err);
		assertTrue(r.err.contains("nothing was booted"), r.err);
		assertTrue(!Files.exists(tmp.resolve("run/qemu/serial.log")), "QEMU never ran");
	}

	@Test
	void aReleaseTheHarnessLacksIsAUsageError() {
		CliRun r = CliRun.of("boot", example("qemu/no-dom0.tess"), "--marker", "--xen", "4.19");
		assertEquals(Main.USAGE, r.exit, r.err);
		assertTrue(r.err.contains("the harness boots Xen 4.17 and 4.20, not 4.19"), r.err);
		CliRun c = CliRun.of("boot", example("qemu/no-dom0.tess"), "--marker", "--xen", "4.20", "--xen-config", "x.config");
		assertEquals(Main.USAGE, c.exit, c.err);
		CliRun f = CliRun.of("boot", example("qemu/no-dom0.tess"), "--marker", "--xen", tmp.resolve("no-such-xen").toString());
		assertEquals(Main.USAGE, f.exit, f.err);
		assertTrue(f.err.contains("no such file"), f.err);
	}

	@Test
	void arm32HasNoXen420() {
		BootAssets.require(BootAssets.Group.ARM32);
		CliRun r = CliRun.of("boot", example("arm32/qemu-virt.tess"), "--marker", "--xen", "4.20");
		assertEquals(Main.USAGE, r.exit, r.err);
		assertTrue(r.err.contains("no Xen 4.20 for 32-bit Arm"), r.err);
	}

	@Test
	void aMissing420AssetSaysWhatToRun() throws Exception {
		// a cache with the base items only: its assets.env without the xen420 group's keys
		Path cache = Files.createDirectories(tmp.resolve("cache"));
		String env = Files.readAllLines(BootAssets.defaultCacheDir().resolve("assets.env")).stream()
				.filter(l -> !l.contains("_420")).collect(Collectors.joining("\n"));
		Files.writeString(cache.resolve("assets.env"), env + "\n");
		String before = System.getProperty("tessera.e2e.cache");
		System.setProperty("tessera.e2e.cache", cache.toString());
		try {
			CliRun r = CliRun.of("boot", example("qemu/no-dom0.tess"), "--marker", "--xen", "4.20");
			assertEquals(Main.USAGE, r.exit, r.err);
			assertTrue(r.err.contains("run e2e/assets.sh --items xen420"), r.err);
		} finally {
			if (before == null) System.clearProperty("tessera.e2e.cache");
			else System.setProperty("tessera.e2e.cache", before);
		}
	}
}
