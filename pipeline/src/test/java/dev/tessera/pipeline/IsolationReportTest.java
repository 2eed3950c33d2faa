package dev.tessera.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.generators.render.EscapingFormat;

/**
 * isolation.md as a Markdown reader sees it: commonmark-java (the CommonMark reference parser for Java, with GitHub's
 * table extension) reads the generated report of the R-Car cockpit back into tables whose cells hold the system's
 * names as written, and the Markdown escaping brings every ASCII punctuation character through a table cell unchanged.
 */
class IsolationReportTest {
	static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	@TempDir
	Path work;

	/** Every table of a Markdown text, each row its cells' plain text. */
	static List<List<List<String>>> tables(String markdown) {
		List<List<List<String>>> tables = new ArrayList<>();
		MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
			@Override
			public void visit(CustomBlock block) {
				if (!(block instanceof TableBlock)) {
					visitChildren(block);
					return;
				}
				List<List<String>> rows = new ArrayList<>();
				for (Node section = block.getFirstChild(); section != null; section = section.getNext())
					for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
						if (!(row instanceof TableRow)) continue;
						List<String> cells = new ArrayList<>();
						for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext())
							if (cell instanceof TableCell) cells.add(text(cell));
						rows.add(cells);
					}
				tables.add(rows);
			}
		});
		return tables;
	}

	static String text(Node n) {
		StringBuilder b = new StringBuilder();
		n.accept(new AbstractVisitor() {
			@Override
			public void visit(Text t) {
				b.append(t.getLiteral());
			}

			@Override
			public void visit(Code c) {
				b.append('`').append(c.getLiteral()).append('`');
			}

			@Override
			public void visit(CustomNode c) {
				visitChildren(c);
			}
		});
		return b.toString();
	}

	@Test
	void markdownEscapingCarriesEveryPunctuationCharacterThroughATableCell() {
		String hostile = "a|b*c_d`e[f](g)<h>#i~j\\k!l{m}n+o-p.q\"r'&s *t* _u_ **v** ~~w~~ [x](y) <z> `q` | end";
		String cell = EscapingFormat.MARKDOWN.escapePlainText(hostile);
		List<List<List<String>>> t = tables("| head |\n|---|\n| " + cell + " |\n");
		assertEquals(1, t.size(), cell);
		assertEquals(List.of(List.of("head"), List.of(hostile)), t.get(0), cell);
		// control: unescaped, the same text is read as emphasis, code, a link and two cells
		List<List<List<String>>> raw = tables("| head |\n|---|\n| " + hostile + " |\n");
		assertNotEquals(List.of(List.of("head"), List.of(hostile)), raw.get(0));
	}

	@Test
	void theCockpitsReportSaysWhoReachesWhomAndWhoSharesEachCpu() throws Exception {
		Path out = work.resolve("out");
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(ExampleOutputsTest.ROOT.resolve("examples/ivi/rcar-h3-cockpit.tess"), null, null, out));
		assertFalse(o.failed(), o.diagnostics().toString());
		String report = Files.readString(out.resolve("isolation.md"));
		List<List<List<String>>> t = tables(report);
		assertEquals(3, t.size(), report);
		List<List<String>> reach = t.get(0), links = t.get(1), cpus = t.get(2);
		// dom0 controls everyone; DomD's VSP-Ds master the bus with no IOMMU; its GPU goes through the IPMMU's PV instances
		assertTrue(reach.contains(List.of("dom0", "control domain", "create, destroy and pause any domain and map its memory")), reach.toString());
		assertTrue(reach.stream().anyMatch(r -> r.get(0).equals("domd") && r.get(1).startsWith("device vspd0 masters the bus")), reach.toString());
		assertTrue(reach.stream().noneMatch(r -> r.get(1).startsWith("device gpu ")), "the GPU's DMA goes through ipmmu_pv0..3: " + reach);
		// a name with '_' comes through the escaping as written
		assertTrue(reach.stream().anyMatch(r -> r.get(1).startsWith("device rcar_sound:")), reach.toString());
		// what the system declares between two domains, and nothing between the cluster and DomD
		assertTrue(links.contains(List.of("domd – doma", "backend", "disk served by domd")), links.toString());
		assertTrue(links.contains(List.of("domd – doma", "gpu", "GPU gpu (hardware) hosted by domd, OSID 1; its interrupt stays with domd")), links.toString());
		assertTrue(links.contains(List.of("doma – cluster", "shared-memory", "region vehicle owned by cluster")), links.toString());
		assertTrue(links.stream().noneMatch(r -> r.get(0).contains("cluster") && r.get(0).contains("domd")), links.toString());
		// the cluster alone on CPU 4, DomD and Android on the A57s of their pool
		assertTrue(cpus.contains(List.of("4", "cluster", "no")), cpus.toString());
		assertTrue(cpus.contains(List.of("1", "domd, doma", "yes")), cpus.toString());
	}
}
