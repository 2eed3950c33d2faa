package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With dynamic addressing the files need not exist: U-Boot places them at boot from ${filesize}. */
class DynamicAddressingTest {
	@TempDir
	Path tmp;

	@Test
	void scriptComputesAddressesAtBootAndNoFixedDtbIsWritten() throws Exception {
		Path p = tmp.resolve("dyn.tess");
		Files.writeString(p, """
				system dyn on qemu-virt {
				  xen 4.17 { console uart0 }
				  boot { load "load mmc 0:1" addressing dynamic }
				  domain dom0 control { memory 256M kernel "Image" ramdisk "rootfs.cpio.gz" }
				  domain u1 at-boot { memory 128M kernel "Image" }
				}
				""");
		Path out = tmp.resolve("out");
		CliRun run = CliRun.of("generate", p.toString(), "-o", out.toString());
		assertEquals(0, run.exit, run.err);
		assertFalse(Files.exists(out.resolve("host.dtb")), "addresses are not known before boot");
		String cmd = Files.readString(out.resolve("boot.cmd"));
		assertTrue(cmd.contains("load mmc 0:1 ${tess_next} \"xen\""), cmd);
		assertTrue(cmd.contains("setenv d0k_size ${filesize}"), cmd);
		assertTrue(cmd.contains("reg <0x0 0x${d0k_addr} 0x0 0x${d0k_size}>"), cmd);
		assertTrue(cmd.contains("booti 0x${xen_addr} - ${fdt_addr}"), cmd);
		// the shared kernel is loaded once and both domains point at it
		assertEquals(1, cmd.lines().filter(l -> l.contains("\"Image\"")).count(), cmd);
		assertTrue(CliRun.tool(out, "mkimage", "-l", out.resolve("boot.scr").toString()).contains("Script"));
	}
}
