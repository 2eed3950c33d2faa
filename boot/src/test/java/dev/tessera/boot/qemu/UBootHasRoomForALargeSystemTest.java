package dev.tessera.boot.qemu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.testing.TestHost;
import dev.tessera.boot.testing.UBootScript;
import dev.tessera.pipeline.Pipeline;

/**
 * The room boot.scr makes in the board's tree ({@code fdt resize}) is planned from what /chosen will hold
 * (HostTree.fdtRoom): Debian's U-Boot 2023.01 runs the generated script of a system of 300 domains Xen starts at boot,
 * whose /chosen takes some 75 KiB, and every domain's node is there. Negative control: the same script with the
 * 64 KiB (0x10000) a small system gets runs out of room, in libfdt's words (FDT_ERR_NOSPACE). U-Boot reads
 * {@code fdt resize}'s size in hex: the 65536 Tessera wrote before meant 0x65536, about 405 KiB. The files are declared
 * preloaded, so nothing is fetched; the missing Xen image fails booti's magic check and U-Boot goes on.
 */
class UBootHasRoomForALargeSystemTest {
	static final int DOMAINS = 300;
	static final long SCRIPT_ADDR = 0x70000000L;

	static BootAssets assets;

	@TempDir
	Path work;

	@BeforeAll
	static void prepare() {
		assets = BootAssets.require();
		TestHost.requireCommands("qemu-system-aarch64", "mkimage", "mkenvimage");
	}

	@Test
	void theScriptOfThreeHundredBootDomainsBuildsEveryNodeAndTheOldRoomDoesNot() throws IOException {
		StringBuilder tess = new StringBuilder("system many on qemu-virt {\n\txen 4.17 { console uart0 image \"xen\" max 4M }\n")
				.append("\tboot { preloaded load-address 0x48200000 }\n")
				.append("\tdomain dom0 control { os linux memory 256M vcpus 1 kernel \"Image\" max 40M cmdline \"console=hvc0\" }\n");
		for (int i = 0; i < DOMAINS; i++)
			tess.append("\tdomain d").append(i).append(" at-boot { os linux memory 4M vcpus 1 kernel \"Image\" max 40M cmdline \"console=ttyAMA0 guest=d")
					.append(i).append("\" }\n");
		Path system = work.resolve("many.tess");
		Files.writeString(system, tess.append("}\n"));
		Path out = work.resolve("out");
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(system, null, null, out));
		assertFalse(o.failed(), () -> o.diagnostics().toString());
		String cmd = Files.readString(out.resolve("boot.cmd"));
		java.util.regex.Matcher room = java.util.regex.Pattern.compile("\nfdt resize 0x([0-9a-f]+)\n").matcher(cmd);
		assertTrue(room.find() && Long.parseLong(room.group(1), 16) > 0x10000, "the room grew with the system, in hex");

		String generated = run(out.resolve("boot.scr"), "generated");
		assertFalse(generated.contains("FDT_ERR_"), () -> "libfdt refused a line of the generated script:\n" + tail(generated));
		assertTrue(generated.contains("d" + (DOMAINS - 1) + " {") && generated.contains("d0 {"), () -> "every domain's node:\n" + tail(generated));

		Path small = UBootScript.compile(cmd.replaceFirst("\nfdt resize 0x[0-9a-f]+\n", "\nfdt resize 0x10000\n"), work.resolve("small.scr"));
		String control = run(small, "small");
		assertTrue(control.contains("FDT_ERR_NOSPACE"), () -> "64 KiB is not enough for 300 domains:\n" + tail(control));
	}

	/** U-Boot sources the script, then lists /chosen's nodes and resets. */
	private String run(Path scr, String name) throws IOException {
		Path flash = new UBootEnvironment()
				.set("bootcmd", "echo CHECK-BEGIN; source " + hex(SCRIPT_ADDR) + "; echo CHECK-LIST; fdt list /chosen; echo CHECK-END; reset")
				.writeFlash(work.resolve(name + "-flash.img"));
		List<String> machine = List.of("-machine", "virt,virtualization=on,gic-version=3", "-cpu", "cortex-a57", "-smp", "1", "-m", "2048",
				"-nographic", "-net", "none", "-monitor", "none", "-no-reboot");
		QemuBoot boot = QemuBoot.uboot(assets.ubootQemuArm64(), flash).machine(machine).loader(scr, SCRIPT_ADDR)
				.stopWhenAllSeen(false).timeout(Duration.ofMinutes(4)).build();
		List<String> lines = new ArrayList<>();
		BootResult r = new QemuRunner().run(boot, work.resolve(name + "-qemu"), lines::add);
		TestHost.report("u-boot builds a large /chosen (" + name + ")", r);
		String log = String.join("\n", lines);
		assertTrue(log.contains("CHECK-END"), () -> "U-Boot ran the whole boot command:\n" + r.describe() + "\n" + tail(log));
		return log.substring(log.indexOf("CHECK-BEGIN"));
	}

	private static String tail(String s) {
		return s.length() < 3000 ? s : s.substring(s.length() - 3000);
	}

	private static String hex(long v) {
		return "0x" + Long.toHexString(v);
	}
}
