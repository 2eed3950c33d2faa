package dev.tessera.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;

/** The editor applies the project file's rule settings as tessera check does. */
class ProjectRulesInTheEditorTest {
	static final String SYSTEM = """
			system w on qemu-virt {
				xen 4.17 { console uart0 image "xen" max 4M }
				domain dom0 control { memory 256M kernel "Image" max 40M passthrough gpio0 }
			}
			""";

	@Test
	void aWarningTheProjectMakesAnErrorIsShownAsOneAndOneItTurnsOffIsNotShown() throws Exception {
		try (InProcessServer ls = InProcessServer.start(Map.of())) {
			List<Diagnostic> plain = ls.edit("w.tess", SYSTEM);
			assertEquals(DiagnosticSeverity.Warning, only(plain).getSeverity(), plain.toString());

			Files.writeString(ls.root.resolve(".tessera.yaml"), "rules:\n  device.passthrough-dom0: error\n");
			List<Diagnostic> strict = ls.edit("w.tess", SYSTEM + "\n");
			assertEquals(DiagnosticSeverity.Error, only(strict).getSeverity(), strict.toString());

			Files.writeString(ls.root.resolve(".tessera.yaml"), "rules:\n  device.passthrough-dom0: off\n");
			List<Diagnostic> off = ls.edit("w.tess", SYSTEM + "\n\n");
			assertTrue(off.stream().noneMatch(d -> "device.passthrough-dom0".equals(d.getCode().getLeft())), off.toString());
		}
	}

	private static Diagnostic only(List<Diagnostic> ds) {
		List<Diagnostic> mine = ds.stream().filter(d -> "device.passthrough-dom0".equals(d.getCode().getLeft())).toList();
		assertEquals(1, mine.size(), ds.toString());
		return mine.get(0);
	}
}
