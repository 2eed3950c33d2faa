package dev.tessera.dsl.ide.codeactions;

import static dev.tessera.dsl.ide.server.InProcessServer.code;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.tessera.dsl.ide.server.InProcessServer;

/** The common syntax mistakes get a message in the user's words and, where the intent is clear, a quick fix. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntaxMessagesTest {
	static final String SYSTEM = """
			system s on qemu-virt {
				xen 4.21 {
					console uart0
				}
				domain dom0 control {
					os linux
					memory 512M
					vcpus 1
					kernel "Image" max 40M
				}
			}
			""";
	InProcessServer ls;

	@BeforeAll
	void start() throws Exception {
		ls = InProcessServer.start(Map.of());
	}

	@AfterAll
	void stop() {
		ls.close();
	}

	Diagnostic syntax(String text) throws Exception {
		List<Diagnostic> ds = ls.edit("s.tess", text);
		return ds.stream().filter(d -> "syntax".equals(code(d))).findFirst().orElseThrow(() -> new AssertionError("no syntax error: " + ds));
	}

	/** Applies the first quick fix of the first syntax error and checks that the file is then clean. */
	void firstFixMakesItClean(Diagnostic d, String title) throws Exception {
		List<CodeAction> fixes = ls.quickFixes("s.tess", d);
		assertFalse(fixes.isEmpty(), "no fix for " + d.getMessage());
		assertEquals(title, fixes.get(0).getTitle());
		String fixed = ls.applied("s.tess", fixes.get(0));
		assertEquals(SYSTEM, fixed);
		assertEquals(List.of(), ls.edit("s.tess", fixed));
	}

	@Test
	void aLowerCaseUnitIsExplainedAndFixed() throws Exception {
		Diagnostic d = syntax(SYSTEM.replace("memory 512M", "memory 512m"));
		assertEquals("'512m' is not a size: the unit is K, M, G or T, in upper case and right after the number (512M)", d.getMessage());
		firstFixMakesItClean(d, "Write 512M");
	}

	@Test
	void aUnitApartFromItsNumberIsExplainedAndFixed() throws Exception {
		Diagnostic d = syntax(SYSTEM.replace("memory 512M", "memory 512 MB"));
		assertEquals("'512 MB' is not a size: the unit is K, M, G or T, in upper case and right after the number (512M)", d.getMessage());
		firstFixMakesItClean(d, "Write 512M");
	}

	@Test
	void aMisspeltKeywordGetsTheClosestKeywords() throws Exception {
		Diagnostic d = syntax(SYSTEM.replace("vcpus 1", "vcpsu 1"));
		assertTrue(d.getMessage().startsWith("unknown keyword 'vcpsu': did you mean 'vcpus'"), d.getMessage());
		firstFixMakesItClean(d, "Change to 'vcpus'");
	}

	@Test
	void aMissingBraceNamesTheBlockThatIsNotClosed() throws Exception {
		// the domain's '}' is missing: the system's '}' closes the domain, and the file ends inside the system
		Diagnostic d = syntax(SYSTEM.replace("\t\tkernel \"Image\" max 40M\n\t}\n", "\t\tkernel \"Image\" max 40M\n"));
		assertEquals("missing '}': the '{' of 'domain dom0 control' on line 5 is not closed", d.getMessage());
	}
}
