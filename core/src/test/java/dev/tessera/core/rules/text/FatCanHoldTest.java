package dev.tessera.core.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FatCanHoldTest {
	@Test
	void foldersAndOrdinaryNamesFitOnFat() {
		assertNull(FatCanHold.problem("passthrough/ivi.dtb"));
		assertNull(FatCanHold.problem("boot/Image-6.1 (rt).bin"));
		assertNull(FatCanHold.problem("../shared/xen"));
	}

	@Test
	void everyCharacterFatRefusesIsNamedWithItsPlace() {
		for (char c : FatCanHold.FAT_ILLEGAL.toCharArray())
			assertEquals("has '" + c + "' at character 3", FatCanHold.problem("ab" + c + "cd"));
	}

	@Test
	void aNameEndingInADotOrASpaceIsNamed() {
		assertEquals("has a name ending in a dot ('linux.'), which FAT drops", FatCanHold.problem("linux./Image"));
		assertEquals("has a name ending in a space ('Image '), which FAT drops", FatCanHold.problem("boot/Image "));
	}
}
