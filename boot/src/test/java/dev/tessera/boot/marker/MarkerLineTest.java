package dev.tessera.boot.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MarkerLineTest {

	@Test
	void dom0LineHasNoPrefix() {
		MarkerLine m = MarkerLine.parse("TESS-MEM name=dom0 kib=234228").get(0);
		assertEquals("MEM", m.kind());
		assertEquals("dom0", m.domain());
		assertEquals(234228, m.longField("kib"));
		assertEquals("", m.text());
	}

	@Test
	void domULineIsFoundBehindXensPrefixOfAnyRelease() {
		for (String prefix : List.of("(XEN) DOM1: ", "(d1) ", "(XEN) d1v0 ", "[  3.2] ")) {
			List<MarkerLine> ms = MarkerLine.parse(prefix + "TESS-UP name=domU1");
			assertEquals(1, ms.size(), prefix);
			assertEquals("domU1", ms.get(0).domain());
			assertEquals("UP", ms.get(0).kind());
		}
	}

	@Test
	void fieldsThenText() {
		MarkerLine m = MarkerLine.parse("(XEN) DOM2: TESS-IOMEM name=domU2 60000000-6fffffff : System RAM").get(0);
		assertEquals(Map.of(), m.fields());
		assertEquals("60000000-6fffffff : System RAM", m.text());
		MarkerLine d = MarkerLine.parse("TESS-DT name=a.b-c_1 present /reserved-memory/xen-shmem@50000000").get(0);
		assertEquals("a.b-c_1", d.domain());
		assertEquals("present /reserved-memory/xen-shmem@50000000", d.body());
	}

	@Test
	void interleavedOutputOfTwoDomainsOnOneLineGivesBothMarkers() {
		List<MarkerLine> ms = MarkerLine.parse("TESS-UP name=dom0(XEN) DOM1: TESS-UP name=domU1");
		assertEquals(2, ms.size());
		assertEquals("dom0", ms.get(0).domain());
		assertEquals("domU1", ms.get(1).domain());
	}

	@Test
	void xensTwoConsolePrefixesEndAMarkerAndNameTheDomain() {
		// 4.17-4.21 relay a boot domain's vpl011 as "(XEN) DOM<id>: " (vpl011.c) and its console hypercall as "(d<id>) "
		// (console.c, guest_printk): dom0's hvc0 line interleaved with either keeps its fields
		for (String prefix : List.of("(XEN) DOM1: ", "(d1) ")) {
			List<MarkerLine> ms = MarkerLine.parse("TESS-MEM name=dom0 kib=234228" + prefix + "TESS-MEM name=domU1 kib=105688");
			assertEquals(2, ms.size(), prefix);
			assertEquals(234228, ms.get(0).longField("kib"), prefix);
			assertEquals(105688, ms.get(1).longField("kib"), prefix);
		}
		assertEquals(List.of(1), MarkerLine.consoleOf("(XEN) DOM1: [    0.000000] Booting Linux"));
		assertEquals(List.of(2), MarkerLine.consoleOf("(d2) [    0.000000] Booting Linux"));
		assertEquals(List.of(), MarkerLine.consoleOf("(XEN) Xen version 4.20.5-pre"));
		assertTrue(ExpectedMarker.consoleOf(1).matchesLine("(d1) hello"));
		assertTrue(ExpectedMarker.consoleOf(1).matchesLine("(XEN) DOM1: hello"));
		assertTrue(!ExpectedMarker.consoleOf(1).matchesLine("(XEN) DOM11: hello"));
		assertTrue(!ExpectedMarker.consoleOf(1).matchesLine("(d12) hello"));
	}

	@Test
	void linesWithoutMarkersGiveNothing() {
		assertTrue(MarkerLine.parse("(XEN) Xen version 4.17.5").isEmpty());
		assertTrue(MarkerLine.parse("TESS-UP without a name").isEmpty());
	}

	@Test
	void expectationsMatchDomainKindAndText() {
		MarkerLine m = MarkerLine.parse("(XEN) DOM1: TESS-DT name=domU1 present /chosen").get(0);
		assertTrue(ExpectedMarker.of("domU1", MarkerKind.DT).matches(m));
		assertTrue(ExpectedMarker.of("domU1", MarkerKind.DT, "present /chosen").matches(m));
		assertTrue(!ExpectedMarker.of("domU1", MarkerKind.DT, "absent").matches(m));
		assertTrue(!ExpectedMarker.of("domU2", MarkerKind.DT).matches(m));
		assertTrue(!ExpectedMarker.of("domU1", MarkerKind.MEM).matches(m));
		// any marker of a domain shows its /init started (a cut TESS-UP line must not fail a boot)
		assertTrue(ExpectedMarker.of("domU1", MarkerKind.UP).matches(m));
		assertTrue(!ExpectedMarker.of("domU2", MarkerKind.UP).matches(m));
		assertTrue(ExpectedMarker.log("Xen version").matchesLine("(XEN) Xen version 4.17"));
	}
}
