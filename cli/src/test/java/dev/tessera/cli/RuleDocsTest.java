package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.resolve.ResolutionRules;
import dev.tessera.core.rules.PipelineRules;
import dev.tessera.core.rules.RuleCatalogue;
import dev.tessera.core.rules.RuleExamples;
import dev.tessera.core.variant.VariantRules;
import dev.tessera.pipeline.Pipeline;

class RuleDocsTest {
	@TempDir
	static Path tmp;

	@Test
	void docsRulesMdIsTheGeneratedCatalogue() throws Exception {
		String committed = Files.readString(CliRun.root().resolve("docs/rules.md"));
		String generated = RulesCommand.markdown();
		if (!generated.equals(committed)) Files.writeString(CliRun.root().resolve("cli/target/rules-generated.md"), generated);
		assertEquals(generated, committed, "regenerate with ./tessera rules --markdown > docs/rules.md");
	}

	@Test
	void everyRuleIsInTheCatalogueOnce() {
		List<String> ids = RuleCatalogue.all().stream().map(RuleInfo::id).toList();
		assertEquals(ids.size(), ids.stream().distinct().count());
		assertTrue(ids.size() >= 50, ids.size() + " rules");
	}

	/** Rules that only resolution, generation and variants find: proven through generate, each with its own example. */
	static Stream<RuleInfo> generationRules() {
		return Stream.of(ResolutionRules.ALL, PipelineRules.ALL, VariantRules.ALL).flatMap(List::stream).filter(r -> RuleExamples.of(r.id()).isPresent());
	}

	/** An example is found by its rule's id: one whose name is no id of the catalogue would never be shown or tested. */
	@Test
	void everyExampleIsOfARuleOfTheCatalogue() throws Exception {
		List<String> ids = RuleCatalogue.all().stream().map(RuleInfo::id).toList();
		try (Stream<Path> files = Files.list(CliRun.root().resolve("core/src/main/resources/dev/tessera/core/rules/examples"))) {
			List<String> orphans = files.map(p -> p.getFileName().toString().replaceFirst("\\.tess$", ""))
					.filter(name -> !ids.contains(name) && !name.equals("test-board")).toList();
			assertEquals(List.of(), orphans);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("generationRules")
	void generateReportsTheRuleOnItsBadExampleAndWritesTheFixedOne(RuleInfo rule) throws Exception {
		RuleExamples.Example ex = RuleExamples.of(rule.id()).orElseThrow();
		Path dir = Files.createDirectories(tmp.resolve(rule.id()));
		Files.copy(CliRun.root().resolve("boards/qemu-virt.dts"), dir.resolve("qemu-virt.dts"));
		Path bad = dir.resolve("bad.tess");
		Files.writeString(bad, ex.badSource());
		Pipeline.Outcome outcome = new Pipeline().generate(new Pipeline.Request(bad, null, dir, dir.resolve("out-bad")));
		int[] mark = ex.markPosition();
		Diagnostic d = outcome.diagnostics().stream().filter(x -> x.ruleId().equals(rule.id())).findFirst()
				.orElseThrow(() -> new AssertionError(outcome.diagnostics().toString()));
		assertEquals(mark[0] + ":" + mark[1], d.line() + ":" + d.column(), d.format());
		assertEquals(rule.severity(), d.severity());
		assertFalse(Files.exists(dir.resolve("out-bad")));

		Path fixed = dir.resolve("fixed.tess");
		Files.writeString(fixed, ex.fixedSource());
		Pipeline.Outcome ok = new Pipeline().generate(new Pipeline.Request(fixed, null, dir, dir.resolve("out")));
		assertTrue(ok.diagnostics().stream().noneMatch(x -> x.ruleId().equals(rule.id())), ok.diagnostics().toString());
	}
}
