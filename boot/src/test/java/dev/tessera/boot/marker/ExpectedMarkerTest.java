package dev.tessera.boot.marker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExpectedMarkerTest {

	/** The lines Xen 4.20 printed when domU2's output cut domU1's first marker (no-dom0, U-Boot route). */
	static final List<String> CUT = List.of("(XEN) DOM2: TESS-UP name=domU2", "(XEN) T(XEN) ESS-UP name=domU1",
			"(XEN) TESS-MEM name=domU1 kib=105688", "(XEN) TESS-DONE name=domU1");

	static boolean seen(ExpectedMarker e, List<String> lines) {
		return lines.stream().flatMap(l -> MarkerLine.parse(l).stream()).anyMatch(e::matches);
	}

	@Test
	void aDomainIsUpOnceAnyOfItsMarkersIsSeenEvenWhenItsUpLineWasCut() {
		assertTrue(seen(ExpectedMarker.up("domU1"), CUT));
		assertTrue(seen(ExpectedMarker.up("domU2"), CUT));
	}

	@Test
	void aDomainThatPrintedNothingIsNotUpAndOtherKindsStillNeedTheirOwnMarker() {
		assertFalse(seen(ExpectedMarker.up("domU3"), CUT));
		assertFalse(seen(ExpectedMarker.of("domU2", MarkerKind.MEM), CUT));
		assertTrue(seen(ExpectedMarker.of("domU1", MarkerKind.MEM), CUT));
	}
}
