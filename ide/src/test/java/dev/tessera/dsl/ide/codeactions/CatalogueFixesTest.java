package dev.tessera.dsl.ide.codeactions;

import static dev.tessera.dsl.ide.server.InProcessServer.code;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tessera.core.rules.RuleExamples;
import dev.tessera.dsl.ide.server.InProcessServer;

/**
 * The quick fixes of the ten rules docs/editors.md names, each on its rule's bad example from the catalogue: the
 * server offers a fix at the marked place, and applying it removes that problem and brings no new error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueFixesTest {
	InProcessServer ls;

	@BeforeAll
	void start() throws Exception {
		ls = InProcessServer.start(Map.of());
	}

	@AfterAll
	void stop() {
		ls.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "link", "memory.static-aligned", "device.passthrough-once", "device.xen-owned", "device.disabled",
			"device.dma-iommu", "cpu.exists", "cpu.pin-duplicate", "cpupool.boot-cpu", "frontend.dom0less-pv", "domain.name-unique",
			"cpupool.cpu-once", "memory.direct-map-static", "device.passthrough-dom0", "device.needs" })
	void theFirstFixRemovesTheProblemOfTheRulesBadExample(String rule) throws Exception {
		RuleExamples.Example ex = RuleExamples.of(rule).orElseThrow();
		String name = rule + ".tess";
		List<Diagnostic> before = ls.edit(name, ex.badSource());
		int[] mark = ex.markPosition();
		Diagnostic d = before.stream().filter(x -> rule.equals(code(x)) && x.getRange().getStart().getLine() == mark[0] - 1).findFirst()
				.orElseThrow(() -> new AssertionError(rule + " not on line " + mark[0] + ": " + before));
		List<CodeAction> fixes = ls.quickFixes(name, d);
		assertFalse(fixes.isEmpty(), "no quick fix for " + rule + ": " + d.getMessage());
		String fixed = ls.applied(name, fixes.get(0));
		List<Diagnostic> after = ls.edit(name, fixed);
		assertTrue(after.stream().noneMatch(x -> rule.equals(code(x))), fixes.get(0).getTitle() + " left " + after + " in\n" + fixed);
		long errorsBefore = before.stream().filter(x -> x.getSeverity() == DiagnosticSeverity.Error).count();
		long errorsAfter = after.stream().filter(x -> x.getSeverity() == DiagnosticSeverity.Error).count();
		// fewer errors, or as many and fewer warnings (device.passthrough-dom0 is a warning; the direct-map fix of
		// device.dma-iommu leaves the warning device.dma-isolation, which is that warning's point)
		assertTrue(errorsAfter < errorsBefore || errorsAfter == errorsBefore && after.size() < before.size(), fixes.get(0).getTitle() + ": " + after + " in\n" + fixed);
	}
}
