package dev.tessera.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link SafeText#validDtPath} is a hand-written scan of the pattern {@link SafeText#DT_PATH}: the two agree. */
class SafeTextTest {
	private static boolean byPattern(String s) {
		return SafeText.DT_PATH.matcher(s).matches();
	}

	@Test
	void dtPathScanAgreesWithThePatternOnEveryShortString() {
		// every string of up to 7 characters over the characters that matter: '/', '@', a name character of each
		// kind, and ones the pattern refuses
		char[] alphabet = { '/', '@', 'a', '-', '#', ' ' };
		StringBuilder sb = new StringBuilder();
		int checked = 0;
		for (int len = 0; len <= 7; len++) {
			int[] digits = new int[len];
			while (true) {
				sb.setLength(0);
				for (int d : digits) sb.append(alphabet[d]);
				String s = sb.toString();
				assertEquals(byPattern(s), SafeText.validDtPath(s), () -> "'" + s + "'");
				checked++;
				int k = len - 1;
				while (k >= 0 && ++digits[k] == alphabet.length) digits[k--] = 0;
				if (k < 0) break;
			}
		}
		assertTrue(checked > 300_000);
	}

	@Test
	void dtPathScanAgreesWithThePatternOnRandomPaths() {
		String chars = "//@@azAZ09,._+-#: \t\u00e9~*";
		Random r = new Random(20);
		for (int n = 0; n < 200_000; n++) {
			StringBuilder sb = new StringBuilder();
			int len = r.nextInt(24);
			for (int i = 0; i < len; i++) sb.append(chars.charAt(r.nextInt(chars.length())));
			String s = sb.toString();
			assertEquals(byPattern(s), SafeText.validDtPath(s), () -> "'" + s + "'");
		}
		// every character: each one a name may hold, and no other
		for (char c = 0; c < 0x3000; c++) {
			String s = "/soc/a" + c + "b@1" + c;
			assertEquals(byPattern(s), SafeText.validDtPath(s), "U+" + Integer.toHexString(c));
		}
	}

	@Test
	void dtPathExamples() {
		assertTrue(SafeText.validDtPath("/"));
		assertTrue(SafeText.validDtPath("/soc/serial@e6e88000"));
		assertTrue(SafeText.validDtPath("/amba_pl@0/i2c@ff020000/mux,a+b.c-d"));
		assertFalse(SafeText.validDtPath(null));
		assertFalse(SafeText.validDtPath(""));
		assertFalse(SafeText.validDtPath("soc"));
		assertFalse(SafeText.validDtPath("//"));
		assertFalse(SafeText.validDtPath("/soc/"));
		assertFalse(SafeText.validDtPath("/soc@"));
		assertFalse(SafeText.validDtPath("/@1"));
		assertFalse(SafeText.validDtPath("/a@1@2"));
		assertFalse(SafeText.validDtPath("/a b"));
	}
}
