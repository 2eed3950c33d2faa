package dev.tessera.generators.tools;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalToolTest {
	@Test
	void aMissingToolSaysWhichPackageToInstall() {
		ExternalTool tool = new ExternalTool("tessera-no-such-tool", "some-debian-package");
		ToolMissingException e = assertThrows(ToolMissingException.class, () -> tool.run(Path.of("."), java.util.List.of(), java.util.Map.of()));
		assertTrue(e.getMessage().contains("apt-get install some-debian-package"), e.getMessage());
		assertFalse(tool.available());
	}

	@Test
	void dtcRefusingASourceIsReportedWithWhatItSaid(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("bad.dts"), "/dts-v1/;\n/ { broken");
		ToolFailedException e = assertThrows(ToolFailedException.class, () -> new Dtc().compile(dir, "bad.dts", "bad.dtb", 0));
		assertTrue(e.getMessage().contains("bad.dts"), e.getMessage());
	}

	@Test
	void argumentsReachTheProgramVerbatimWithoutAShell(@TempDir Path dir) {
		// a shell would expand, split or execute these; Commons Exec hands them over as they are
		String tricky = "a b; echo injected $HOME `id` \"q\"";
		ExternalTool.Result r = new ExternalTool("printf", "coreutils").run(dir, java.util.List.of("%s", tricky), java.util.Map.of());
		assertEquals(tricky, r.stdout());
	}
}
