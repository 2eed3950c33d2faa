package dev.tessera.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {
	@Test
	void swapsAndMissingSuffixesAreCloseAndFarNamesAreNot() {
		List<String> devices = List.of("gpio0", "uart0", "uart1", "pcie0", "virtio0", "rtc0");
		assertEquals(List.of("gpio0"), Suggestions.closest("gpoi0", devices));
		assertEquals(List.of("uart0", "uart1"), Suggestions.closest("uart", devices));
		assertEquals(List.of(), Suggestions.closest("nowhere", devices));
		assertEquals(List.of("rcar-h3-salvator-xs"), Suggestions.closest("rcar-h3", List.of("rcar-h3-salvator-xs", "zcu102")));
		assertEquals(List.of("rcar-h3-salvator-xs"), Suggestions.closest("rcar-h9", List.of("rcar-h3-salvator-xs", "zcu102")));
	}

	@Test
	void atMostThreeBestFirstAndCaseIsIgnored() {
		assertEquals(List.of("ab1", "ab2", "ab3"), Suggestions.closest("AB", List.of("ab3", "ab1", "ab2", "ab4")));
		assertEquals("'a', 'b' or 'c'", Suggestions.quotedOr(List.of("a", "b", "c")));
		assertEquals(1, Suggestions.distance("gpio0", "gpoi0"));
	}
}
