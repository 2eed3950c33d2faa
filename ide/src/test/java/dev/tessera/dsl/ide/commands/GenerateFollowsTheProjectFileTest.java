package dev.tessera.dsl.ide.commands;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's Generate applies the project file (.tessera.yaml) as `tessera generate` does: same rules, same verdict. */
class GenerateFollowsTheProjectFileTest {
	static final String SYSTEM = """
			system w on qemu-virt {
				xen 4.17 { console uart0 image "xen" max 4M }
				domain dom0 control { memory 256M kernel "Image" max 40M passthrough gpio0 }
			}
			""";

	@TempDir
	Path dir;

	@Test
	void aWarningTheProjectMakesAnErrorStopsGenerationAndNothingIsWritten() throws Exception {
		Path file = dir.resolve("w.tess");
		Files.writeString(file, SYSTEM);
		// without a project file the warning does not stop it
		TesseraCommands.Result plain = TesseraCommands.generate(file, null, dir.resolve("plain"));
		assertTrue(plain.ok(), plain.problems().toString());

		Files.writeString(dir.resolve(".tessera.yaml"), "rules:\n  device.passthrough-dom0: error\n");
		TesseraCommands.Result strict = TesseraCommands.generate(file, null, dir.resolve("strict"));
		assertFalse(strict.ok());
		assertTrue(strict.problems().stream().anyMatch(p -> p.contains("error:") && p.contains("[device.passthrough-dom0]")), strict.problems().toString());
		assertFalse(Files.exists(dir.resolve("strict")), "nothing written");
	}

	@Test
	void aBrokenProjectFileIsReportedNotIgnored() throws Exception {
		Path file = dir.resolve("w.tess");
		Files.writeString(file, SYSTEM);
		Files.writeString(dir.resolve(".tessera.yaml"), "rules:\n  no.such-rule: error\n");
		TesseraCommands.Result r = TesseraCommands.generate(file, null, dir.resolve("out"));
		assertFalse(r.ok());
		assertTrue(r.problems().stream().anyMatch(p -> p.contains(".tessera.yaml") && p.contains("no.such-rule")), r.problems().toString());
		assertFalse(Files.exists(dir.resolve("out")));
	}
}
