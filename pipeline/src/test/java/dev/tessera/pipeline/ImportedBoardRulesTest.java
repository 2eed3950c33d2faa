package dev.tessera.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.diag.Diagnostic;

/**
 * A board in a file of the user's own is checked when a system on it is generated, with positions in the board's
 * file. Found by the fuzz target (seed 2, case 51): a byte-order mark inside a device-tree path of an imported board
 * passed validation and stopped dtc.
 */
class ImportedBoardRulesTest {
	@TempDir
	Path tmp;

	@Test
	void anImportedBoardsErrorsStopGenerationWithTheBoardFilesPosition() throws Exception {
		Files.copy(ExampleOutputsTest.ROOT.resolve("boards/qemu-virt.dts"), tmp.resolve("qemu-virt.dts"));
		Files.writeString(tmp.resolve("mine.tess"), Files.readString(ExampleOutputsTest.ROOT.resolve("boards/qemu-virt.tess"))
				.replaceFirst("(?m)^board qemu-virt", "board mine").replace("path \"/pl031@9010000\"", "path \"/pl031\uFEFF9010000\""));
		Path system = tmp.resolve("s.tess");
		Files.writeString(system, "import \"mine.tess\"\nsystem s on mine {\n\txen 4.17 { console uart0 image \"xen\" max 4M }\n"
				+ "\tdomain dom0 control { memory 256M kernel \"Image\" max 40M }\n}\n");
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(system, null, null, tmp.resolve("out")));
		assertTrue(o.failed());
		assertNull(o.stop(), "the rules stop it, not dtc");
		Diagnostic d = o.diagnostics().stream().filter(x -> x.ruleId().equals("text.unsafe")).findFirst()
				.orElseThrow(() -> new AssertionError(o.diagnostics().toString()));
		assertTrue(d.file().endsWith("mine.tess"), d.format());
		assertTrue(d.message().contains("U+FEFF"), d.format());
		assertFalse(Files.exists(tmp.resolve("out")));
	}
}
