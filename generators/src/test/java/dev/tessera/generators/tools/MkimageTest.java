package dev.tessera.generators.tools;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MkimageTest {
	@Test
	void aWrappedScriptCarriesTimestampZeroSoTheSameScriptGivesTheSameBytes(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("boot.cmd"), "echo hello\n");
		new Mkimage().wrapScript(dir, "arm64", "boot.cmd", "boot.scr");
		byte[] image = Files.readAllBytes(dir.resolve("boot.scr"));
		// the legacy image header: magic 0x27051956, then header CRC, then the timestamp (SOURCE_DATE_EPOCH=0)
		assertArrayEquals(new byte[] { 0x27, 0x05, 0x19, 0x56 }, Arrays.copyOfRange(image, 0, 4));
		assertArrayEquals(new byte[4], Arrays.copyOfRange(image, 8, 12));
	}

	@Test
	void mkimageRefusingAScriptIsReportedWithWhatItSaid(@TempDir Path dir) {
		ToolFailedException e = assertThrows(ToolFailedException.class, () -> new Mkimage().wrapScript(dir, "arm64", "missing.cmd", "boot.scr"));
		assertTrue(e.getMessage().startsWith("mkimage could not wrap missing.cmd: "), e.getMessage());
		assertTrue(e.getMessage().contains("Can't stat missing.cmd: No such file or directory"), e.getMessage());
	}
}
