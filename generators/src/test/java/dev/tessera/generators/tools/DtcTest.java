package dev.tessera.generators.tools;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DtcTest {
	@Test
	void dtcRefusingASourceIsReportedWithWhatItSaid(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("bad.dts"), "/dts-v1/;\n/ { broken");
		ToolFailedException e = assertThrows(ToolFailedException.class, () -> new Dtc().compile(dir, "bad.dts", "bad.dtb", 0));
		assertTrue(e.getMessage().startsWith("dtc could not compile bad.dts: "), e.getMessage());
		assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
	}

	@Test
	void aPaddedBlobHasExactlyTheAskedSize(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("ok.dts"), "/dts-v1/;\n/ { compatible = \"x\"; };\n");
		new Dtc().compile(dir, "ok.dts", "ok.dtb", 65536);
		assertEquals(65536, Files.size(dir.resolve("ok.dtb")));
	}
}
