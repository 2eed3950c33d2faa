package dev.tessera.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

/** A variant's problems show in the editor on the variant's line that causes them, as tessera check reports them. */
class VariantDiagnosticsInTheEditorTest {
	static final String SYSTEM = """
			system w on qemu-virt {
				xen 4.17 { console uart0 image "xen" max 4M }
				domain dom0 control { memory 256M kernel "Image" max 40M }
				domain ivi at-boot { memory 128M kernel "Image" max 40M }
				variant small {
					domain ivi {
						vcpus 0
					}
				}
				variant typo {
					without domain iv
				}
			}
			""";

	@Test
	void aRuleBrokenByAVariantIsShownOnTheVariantsLine() throws Exception {
		try (InProcessServer ls = InProcessServer.start(Map.of())) {
			List<Diagnostic> ds = ls.edit("w.tess", SYSTEM);
			Diagnostic vcpus = one(ds, "domain.vcpus");
			assertEquals(6, vcpus.getRange().getStart().getLine(), ds.toString()); // "vcpus 0", counted from 0
			assertTrue(vcpus.getMessage().startsWith("in variant 'small': "), vcpus.getMessage());

			Diagnostic typo = one(ds, "variant.unknown-domain");
			assertEquals(10, typo.getRange().getStart().getLine(), ds.toString());
			assertEquals(17, typo.getRange().getStart().getCharacter(), ds.toString()); // the name "iv"
			assertTrue(typo.getMessage().contains("did you mean 'ivi'"), typo.getMessage());
			assertEquals(2, ds.size(), "the system as written is fine: " + ds);
		}
	}

	private static Diagnostic one(List<Diagnostic> ds, String rule) {
		List<Diagnostic> mine = ds.stream().filter(d -> rule.equals(InProcessServer.code(d))).toList();
		assertEquals(1, mine.size(), ds.toString());
		return mine.get(0);
	}
}
