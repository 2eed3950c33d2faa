package dev.tessera.boot.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.process.ExternalProgram;
import dev.tessera.boot.testing.TestHost;

/** The initramfs layout and its /init script, checked on the host (no QEMU). */
class MarkerInitramfsTest {
	private static final ExternalProgram SH = new ExternalProgram("sh", "dash").withTimeout(Duration.ofSeconds(30));

	@TempDir
	Path tmp;

	Path fakeBusybox() throws IOException {
		return Files.write(tmp.resolve("busybox"), new byte[] {0x7f, 'E', 'L', 'F'});
	}

	String list(Path cpioGz) throws IOException {
		return SH.run(tmp, "-c", "gzip -dc " + cpioGz + " | cpio -itv").requireSuccess().output();
	}

	@Test
	void containsBusyboxInitAndConsole() throws IOException {
		TestHost.requireCommands("cpio", "gzip");
		Path out = MarkerInitramfs.builder(fakeBusybox()).file("/tess/hook", "m HOOK ran\n", 0644).build()
				.writeTo(tmp.resolve("rd.cpio.gz"));
		String l = list(out);
		assertTrue(l.matches("(?s).*-rwxr-xr-x .* bin/busybox\n.*"), l);
		assertTrue(l.matches("(?s).*-rwxr-xr-x .* init\n.*"), l);
		assertTrue(l.matches("(?s).*crw------- .* 5,\\s+1 .* dev/console\n.*"), l);
		assertTrue(l.contains("tess/hook"), l);
		assertTrue(!l.contains("usr/sbin/xl"), l);
	}

	@Test
	void xenToolsAreIncludedOnRequestWithSymlinksKept() throws IOException {
		TestHost.requireCommands("cpio", "gzip");
		Path root = tmp.resolve("root");
		Files.createDirectories(root.resolve("usr/lib/xen-4.17/bin"));
		Files.createDirectories(root.resolve("usr/sbin"));
		Files.write(root.resolve("usr/lib/xen-4.17/bin/xl"), new byte[] {1});
		Files.setPosixFilePermissions(root.resolve("usr/lib/xen-4.17/bin/xl"), PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createSymbolicLink(root.resolve("usr/sbin/xl"), Path.of("../lib/xen-4.17/bin/xl"));
		Path mods = Files.createDirectories(tmp.resolve("mods"));
		Files.write(mods.resolve("xenfs.ko"), new byte[] {2});
		Files.writeString(mods.resolve("load-order"), "xenfs\n");
		Path out = MarkerInitramfs.builder(fakeBusybox()).withXenTools(root, mods).build()
				.writeTo(tmp.resolve("rd.cpio.gz"));
		String l = list(out);
		assertTrue(l.contains("usr/sbin/xl -> ../lib/xen-4.17/bin/xl"), l);
		assertTrue(l.matches("(?s).*-rwxr-xr-x .* usr/lib/xen-4.17/bin/xl\n.*"), l);
		assertTrue(l.contains("lib/modules/xen/xenfs.ko") && l.contains("lib/modules/xen/load-order"), l);
	}

	@Test
	void initIsValidShellAndPrintsShortMarkers(@TempDir Path run) throws IOException {
		String init = MarkerScripts.init();
		assertTrue(init.startsWith("#!/bin/busybox sh\n"));
		for (String name : MarkerScripts.ALL) {
			Path f = Files.writeString(tmp.resolve(name), MarkerScripts.text(name));
			assertEquals(0, SH.withTimeout(Duration.ofSeconds(10)).run(tmp, "-n", f.toString()).exitCode(), "sh -n rejects " + name);
		}
		// every marker line goes through m(), which cuts it below 100 characters
		for (String line : init.split("\n")) {
			if (line.contains("echo \"TESS-")) {
				assertTrue(line.contains("cut -c1-99"), line);
			}
		}
		for (String option : List.of("guest", "tess_iomem", "tess_dt", "tess_dom0", "tess_xl", "tess_poweroff_after")) {
			assertTrue(init.contains("${" + option), option);
		}
	}

	@Test
	void theHookIsAddedOnRequest() throws IOException {
		TestHost.requireCommands("cpio", "gzip");
		Path out = MarkerInitramfs.builder(fakeBusybox()).withHook().build().writeTo(tmp.resolve("rd.cpio.gz"));
		String l = list(out);
		assertTrue(l.matches("(?s).*-rw-r--r-- .* tess/hook\n.*"), l);
		String hook = SH.run(tmp, "-c", "gzip -dc " + out + " | cpio -i --quiet --to-stdout tess/hook").requireSuccess().stdout();
		assertEquals(MarkerScripts.hook(), hook);
	}
}
