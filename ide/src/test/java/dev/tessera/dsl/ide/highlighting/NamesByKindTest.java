package dev.tessera.dsl.ide.highlighting;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.tessera.dsl.ide.server.InProcessServer;

/** The semantic tokens the server announces are there: each name with its kind, declarations and shipped names marked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamesByKindTest {
	static final String SYSTEM = """
			system s on qemu-virt {
				xen 4.21 {
					console uart0
				}
				cpupool rt { cpus 1 }
				domain dom0 control {
					os linux
					memory 512M
					kernel "Image" max 40M
				}
				domain app at-boot {
					os linux
					memory 256M
					kernel "Image" max 40M
					pool rt
					vif from dom0
				}
			}
			""";
	InProcessServer ls;

	@BeforeAll
	void start() throws Exception {
		ls = InProcessServer.start(Map.of());
		ls.edit("s.tess", SYSTEM);
	}

	@AfterAll
	void stop() {
		ls.close();
	}

	/** "text type modifier,modifier" for each token, decoded with the server's legend. */
	List<String> tokens() throws Exception {
		SemanticTokensLegend legend = ls.init.getCapabilities().getSemanticTokensProvider().getLegend();
		SemanticTokens t = ls.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(ls.uri("s.tess"))))
				.get(60, TimeUnit.SECONDS);
		List<String> out = new ArrayList<>();
		String[] lines = SYSTEM.split("\n", -1);
		int line = 0, col = 0;
		List<Integer> d = t.getData();
		for (int i = 0; i + 4 < d.size(); i += 5) {
			if (d.get(i) > 0) col = 0;
			line += d.get(i);
			col += d.get(i + 1);
			List<String> mods = new ArrayList<>();
			for (int m = 0; m < legend.getTokenModifiers().size(); m++) if ((d.get(i + 4) & (1 << m)) != 0) mods.add(legend.getTokenModifiers().get(m));
			out.add(lines[line].substring(col, col + d.get(i + 2)) + " " + legend.getTokenTypes().get(d.get(i + 3)) + " " + String.join(",", mods));
		}
		return out;
	}

	@Test
	void namesAreTokensOfTheirKind() throws Exception {
		List<String> tokens = tokens();
		assertTrue(tokens.containsAll(List.of("s namespace declaration", "qemu-virt namespace defaultLibrary",
				"uart0 variable defaultLibrary", "rt type declaration", "dom0 class declaration", "rt type ", "dom0 class ")), tokens.toString());
	}
}
