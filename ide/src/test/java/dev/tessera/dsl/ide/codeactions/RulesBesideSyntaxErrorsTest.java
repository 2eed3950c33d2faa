package dev.tessera.dsl.ide.codeactions;

import static dev.tessera.dsl.ide.server.InProcessServer.code;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.tessera.dsl.ide.server.InProcessServer;

/**
 * A syntax error does not stop the rules: they still report on the rest of the file, and say nothing about the
 * element the parser stumbled in (what it guessed there is not what the user wrote).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesBesideSyntaxErrorsTest {
	/** Clean: dom0 and a guest pinned to CPU 1 of qemu-virt's two. */
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
				domain app at-boot {
					os linux
					memory 256M
					vcpus 1
					pin 1
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

	static String show(List<Diagnostic> ds) {
		return ds.stream().map(d -> (d.getRange().getStart().getLine() + 1) + " " + code(d) + " " + d.getMessage()).collect(Collectors.joining("\n"));
	}

	@Test
	void aRuleFindingInAnotherDomainAppearsBesideASyntaxError() throws Exception {
		assertEquals(List.of(), ls.edit("s.tess", SYSTEM), "negative control: the system is clean");
		// dom0's memory has a unit the parser does not read (line 7), and app names a CPU the board does not have (line 15)
		String text = SYSTEM.replace("memory 512M", "memory 512m").replace("pin 1", "pin 7");
		List<Diagnostic> ds = ls.edit("s.tess", text);
		assertTrue(ds.stream().anyMatch(d -> "syntax".equals(code(d)) && d.getRange().getStart().getLine() == 6), show(ds));
		assertTrue(ds.stream().anyMatch(d -> "cpu.exists".equals(code(d)) && d.getRange().getStart().getLine() == 14), show(ds));
	}

	@Test
	void nothingIsReportedAboutWhatTheParserGuessedInTheBrokenDomain() throws Exception {
		// '2g' is read as a memory of 2 bytes, then a syntax error: no rule may judge those 2 bytes, nor the system's
		// memory as a whole; only the syntax error is reported
		String text = SYSTEM.replace("memory 512M", "memory 2g");
		List<Diagnostic> ds = ls.edit("s.tess", text);
		assertEquals(List.of("syntax"), ds.stream().map(InProcessServer::code).distinct().toList(), show(ds));
	}
}
