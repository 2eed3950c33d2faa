package dev.tessera.dsl.validation;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.rules.RuleExamples;
import dev.tessera.core.rules.LanguageRules;
import dev.tessera.core.rules.RuleCatalogue;
import dev.tessera.dsl.load.ModelLoader;

/**
 * Every rule of the catalogue and of the language, with its own bad and fixed example (the ones docs/rules.md
 * shows): the bad example gets exactly that rule id, with its severity, at the position marked «; the fixed one
 * does not. They run through the same loader and validator as the CLI and the editor.
 */
class RuleCatalogueTest {
	@TempDir
	static Path tmp;
	static final ModelLoader LOADER = new ModelLoader();

	/** Rules found by parsing and validating a file (resolution and generation rules are proven in the CLI's tests). */
	static Stream<RuleInfo> validationRules() {
		List<RuleInfo> all = new ArrayList<>(LanguageRules.ALL);
		RuleCatalogue.rules().forEach(r -> all.addAll(r.infos()));
		return all.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validationRules")
	void badExampleGetsTheRuleAtItsPositionAndFixedOneDoesNot(RuleInfo rule) throws Exception {
		RuleExamples.Example ex = RuleExamples.of(rule.id()).orElseThrow(() -> new AssertionError(rule.id() + " has no example"));
		int[] mark = ex.markPosition();
		List<Diagnostic> found = load(rule.id() + "-bad.tess", ex.badSource());
		List<Diagnostic> hits = found.stream().filter(d -> d.ruleId().equals(rule.id())).toList();
		assertFalse(hits.isEmpty(), "no [" + rule.id() + "] in " + found);
		Diagnostic d = hits.get(0);
		assertEquals(rule.severity(), d.severity(), d.format());
		assertEquals(mark[0] + ":" + mark[1], d.line() + ":" + d.column(), d.format());
		if (!rule.id().equals("syntax") && !rule.id().equals("link"))
			assertFalse(found.stream().anyMatch(x -> x.ruleId().equals("syntax") || x.ruleId().equals("link")), found.toString());

		List<Diagnostic> afterFix = load(rule.id() + "-fixed.tess", ex.fixedSource());
		assertTrue(afterFix.stream().noneMatch(x -> x.ruleId().equals(rule.id())), afterFix.toString());
		assertTrue(afterFix.stream().noneMatch(x -> x.ruleId().equals("syntax") || x.ruleId().equals("link")), afterFix.toString());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validationRules")
	void rulesSurviveHalfWrittenModels(RuleInfo rule) throws Exception {
		String text = RuleExamples.of(rule.id()).orElseThrow().badSource();
		// what the editor holds while the engineer types: the file cut at many points. The validator waits for a
		// clean parse, but the rules themselves must still cope with whatever the parser made of it.
		for (int cut = 0; cut < text.length(); cut += 11) {
			Path p = tmp.resolve("cut.tess");
			Files.writeString(p, text.substring(0, cut));
			var loaded = LOADER.load(p);
			if (loaded.model() == null) continue;
			for (var element : loaded.model().getElements()) {
				var findings = RuleCatalogue.check(element).all();
				int at = cut;
				assertTrue(findings.stream().noneMatch(f -> f.rule().id().equals(RuleCatalogue.INTERNAL.id())),
						() -> "a rule failed at cut " + at + ": " + findings.stream().map(f -> f.message()).toList());
			}
		}
	}

	@Test
	void atLeastFortyRulesWithStableUniqueIds() {
		List<String> ids = validationRules().map(RuleInfo::id).toList();
		assertTrue(ids.size() >= 40, ids.size() + " rules");
		assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique");
		for (String id : ids) assertTrue(id.matches("[a-z0-9]+(\\.[a-z0-9-]+)?"), id);
	}

	@Test
	void aFileBreakingManyRulesGetsThemAllInAStableOrder() throws Exception {
		StringBuilder text = new StringBuilder(RuleExamples.include("test-board")).append("\nsystem s on tb {\n xen 4.16 { console gpio0 }\n")
				.append(" cpupool p { cpus 0-1 }\n domain a control { memory 256M kernel \"K\" pin 1, 1 }\n")
				.append(" domain a { memory 64M kernel \"K\" direct-map passthrough gpio0 }\n")
				.append(" domain b { memory 64M kernel \"K\" passthrough gpio0, uart0, dmadev }\n domain z { os zephyr memory 64M }\n}\n");
		List<Diagnostic> first = load("many.tess", text.toString());
		List<Diagnostic> second = load("many2.tess", text.toString());
		assertEquals(first.stream().map(d -> d.line() + ":" + d.column() + d.ruleId() + d.message()).toList(),
				second.stream().map(d -> d.line() + ":" + d.column() + d.ruleId() + d.message()).toList());
		List<String> rules = first.stream().map(Diagnostic::ruleId).distinct().toList();
		assertTrue(rules.size() >= 10, rules.toString());
		assertEquals(first.stream().sorted(Diagnostic.ORDER).toList(), first, "sorted by position");
	}

	static List<Diagnostic> load(String name, String text) throws Exception {
		Path p = tmp.resolve(name);
		Files.writeString(p, text);
		return LOADER.load(p).diagnostics();
	}
}
