package dev.tessera.boot.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.tessera.boot.testing.TestHost;

class UBootEnvironmentTest {

	@TempDir
	Path tmp;

	@Test
	void flashImageIs64MiBWithAValidEnvironmentAtItsStart() throws IOException {
		TestHost.requireCommands("mkenvimage");
		Path flash = UBootEnvironment.sourceFromRam(0x48000000L).writeFlash(tmp.resolve("flash1.img"));
		assertEquals(64L * 1024 * 1024, Files.size(flash));
		byte[] all = Files.readAllBytes(flash);
		int crc = ByteBuffer.wrap(all, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		CRC32 c = new CRC32();
		c.update(all, 4, UBootEnvironment.ENV_SIZE - 4);
		assertEquals((int) c.getValue(), crc, "environment CRC");
		String vars = new String(all, 4, 200, StandardCharsets.ISO_8859_1);
		assertTrue(vars.contains("bootcmd=source 0x48000000\0"), vars);
		assertTrue(vars.contains("fdt_addr=0x40000000\0"), vars);
		assertTrue(vars.contains("bootdelay=0\0"), vars);
	}

	@Test
	void tftpVariantSetsQemuUserNetworkAddresses() {
		String t = UBootEnvironment.sourceFromTftp("boot.scr", 0x48000000L).text();
		assertTrue(t.contains("serverip=10.0.2.2\n") && t.contains("ipaddr=10.0.2.15\n"), t);
		assertTrue(t.contains("bootcmd=pci enum; tftpb 0x48000000 boot.scr; source 0x48000000\n"), t);
	}
}
