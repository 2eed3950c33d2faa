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

/** Unknown names: the message says which names are close, and each is a quick fix that resolves the name. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DidYouMeanTest {
	static final String SYSTEM = """
			system s on qemu-virt {
				xen 4.21 {
					console uart
				}
				domain dom0 control {
					os linux
					memory 512M
					vcpus 1
					kernel "Image" max 40M
				}
				domain drv driver at-boot {
					os linux
					memory 256M
					vcpus 1
					kernel "Image" max 40M
					passthrough gpoi0
				}
				domain ivi at-boot {
					os linux
					memory 256M
					vcpus 1
					kernel "Image" max 40M
					vif from drvv
					pool nowhere
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

	Diagnostic link(List<Diagnostic> ds, String name) {
		return ds.stream().filter(d -> "link".equals(code(d)) && d.getMessage().contains("'" + name + "'")).findFirst()
				.orElseThrow(() -> new AssertionError("no link error for " + name + " in " + ds));
	}

	@Test
	void aMisspeltDeviceDomainAndBoardNameTheClosestNames() throws Exception {
		List<Diagnostic> ds = ls.edit("s.tess", SYSTEM);
		assertTrue(link(ds, "uart").getMessage().endsWith("did you mean 'uart0'?"), link(ds, "uart").getMessage());
		assertTrue(link(ds, "gpoi0").getMessage().contains("did you mean 'gpio0'"), link(ds, "gpoi0").getMessage());
		assertTrue(link(ds, "drvv").getMessage().contains("did you mean 'drv'"), link(ds, "drvv").getMessage());
		// as docs/getting-started.md shows it
		Diagnostic gpio9 = link(ls.edit("s.tess", SYSTEM.replace("gpoi0", "gpio9")), "gpio9");
		assertEquals("unknown device 'gpio9': board 'qemu-virt' declares no device of that name; did you mean 'gpio0'?", gpio9.getMessage());
		List<Diagnostic> board = ls.edit("b.tess", "system t on qemu-virtt {\n}\n");
		assertTrue(link(board, "qemu-virtt").getMessage().contains("did you mean 'qemu-virt'"), link(board, "qemu-virtt").getMessage());
	}

	@Test
	void aNameNothingIsCloseToGetsNoSuggestionAndNoFix() throws Exception {
		List<Diagnostic> ds = ls.edit("s.tess", SYSTEM);
		Diagnostic pool = link(ds, "nowhere");
		assertFalse(pool.getMessage().contains("did you mean"), pool.getMessage());
		assertEquals(List.of(), ls.quickFixes("s.tess", pool));
	}

	@Test
	void eachSuggestionIsAQuickFixThatResolvesTheName() throws Exception {
		List<Diagnostic> ds = ls.edit("s.tess", SYSTEM);
		List<CodeAction> fixes = ls.quickFixes("s.tess", link(ds, "uart"));
		assertEquals("Change to 'uart0'", fixes.get(0).getTitle());
		String fixed = ls.applied("s.tess", fixes.get(0));
		assertTrue(fixed.contains("console uart0\n"), fixed);
		List<Diagnostic> after = ls.edit("s.tess", fixed);
		assertTrue(after.stream().noneMatch(d -> d.getMessage().contains("'uart'")), after.toString());
		assertEquals(ds.size() - 1, after.stream().filter(d -> "link".equals(code(d))).count()
				+ ds.stream().filter(d -> !"link".equals(code(d))).count(), "only that error went: " + after);
	}

	@Test
	void namesThatFitTheReferenceComeFirst() throws Exception {
		// 'domx' is one edit from all three domains: the guest 'doma' sorts first by name but cannot be a backend
		String text = SYSTEM.replace("drv driver", "domd driver").replace("domain ivi", "domain doma").replace("vif from drvv", "vif from domx");
		List<Diagnostic> ds = ls.edit("s.tess", text);
		assertTrue(link(ds, "domx").getMessage().endsWith("did you mean 'dom0', 'domd' or 'doma'?"), link(ds, "domx").getMessage());
	}

	@Test
	void unknownNamesThatReferToEachOtherAreAnsweredAtOnce() throws Exception {
		// a shared memory without its borrower after broken.tess: ranking candidates reads other references, each
		// unresolved while the file is linked, whose messages must not rank their own candidates again (that
		// recursion took minutes, and no diagnostics came)
		String broken = java.nio.file.Files.readString(java.nio.file.Path.of("../editors/src/test/resources/files/broken.tess"));
		String text = broken.replace("\n}\n", "\n\tshared-memory s { size 2M owner ivi borrower  }\n}\n");
		long start = java.lang.System.nanoTime();
		List<Diagnostic> ds = ls.edit("recursive.tess", text);
		assertTrue(ds.stream().anyMatch(d -> "syntax".equals(code(d))), ds.toString());
		assertTrue(java.lang.System.nanoTime() - start < 20_000_000_000L, "took " + (java.lang.System.nanoTime() - start) / 1_000_000 + " ms");
	}
}
