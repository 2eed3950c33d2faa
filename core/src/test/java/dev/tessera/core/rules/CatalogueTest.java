package dev.tessera.core.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.resolve.ResolutionRules;
import dev.tessera.core.variant.VariantRules;

/** The one catalogue: every id once, every rule in a section, and the sections in the order docs/rules.md has them. */
class CatalogueTest {
	@Test
	void everyIdOnce() {
		List<String> ids = RuleCatalogue.all().stream().map(RuleInfo::id).toList();
		assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
	}

	@Test
	void theCatalogueHoldsTheLanguageTheModelRulesResolutionThePipelineVariantsAndTesseraItself() {
		List<RuleInfo> all = RuleCatalogue.all();
		assertTrue(all.containsAll(LanguageRules.ALL));
		RuleCatalogue.rules().forEach(r -> assertTrue(all.containsAll(r.infos()), r.info().id()));
		assertTrue(all.containsAll(ResolutionRules.ALL));
		assertTrue(all.containsAll(PipelineRules.ALL));
		assertTrue(all.containsAll(VariantRules.ALL));
		assertTrue(all.contains(RuleCatalogue.INTERNAL));
		assertEquals(LanguageRules.ALL.size() + RuleCatalogue.rules().stream().mapToInt(r -> r.infos().size()).sum()
				+ ResolutionRules.ALL.size() + PipelineRules.ALL.size() + VariantRules.ALL.size() + 1, all.size());
	}

	/** Ids that share a first word (cpu., backend.) are explained together, and every section explains something. */
	@Test
	void sectionsFollowTheIds() {
		Map<String, List<Section>> byPrefix = RuleCatalogue.all().stream().collect(Collectors.groupingBy(
				r -> r.id().split("\\.")[0], TreeMap::new, Collectors.mapping(RuleInfo::section, Collectors.toList())));
		byPrefix.forEach((prefix, sections) -> assertEquals(1, sections.stream().distinct().count(), prefix + ": " + sections));
		assertEquals(List.of(Section.values()), List.copyOf(RuleCatalogue.bySection().keySet()));
	}

	@Test
	void findsARuleByItsId() {
		assertEquals("Xen's console is a UART", RuleCatalogue.find("xen.console").orElseThrow().title());
		assertEquals(Section.GPUS, RuleCatalogue.find("gpu.osid").orElseThrow().section());
		assertTrue(RuleCatalogue.find("no.such-rule").isEmpty());
	}
}
