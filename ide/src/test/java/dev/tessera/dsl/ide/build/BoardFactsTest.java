package dev.tessera.dsl.ide.build;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.tessera.dsl.ide.TesseraIdeSetup;

/**
 * BoardFacts reads the text with the grammar's terminal rules: two versions of a board never get the same fingerprint
 * where the parser sees other tokens in them (a note's or a description's text aside), and get it where only notes,
 * comments or blanks changed. The parser's own tokens (the
 * node model) are the judge, over edits meant to mislead a reading of the text (quotes, comment marks inside strings,
 * keywords in comments) and over every shipped board.
 */
class BoardFactsTest {
	static final Injector INJECTOR = new TesseraIdeSetup().createInjectorAndDoEMFRegistration();
	static final String BOARD = """
			board b {
				arch aarch64
				reserved uboot 0xbc000000 size 64M loader note "the boot loader"
				gic v3 { path "/interrupt-controller@8000000" reg 0x8000000 size 0x10000, 0x80a0000 size 0xf60000 }
				device uart0 uart { path "/soc/serial@9000000" compatible "arm,pl011" reg 0x9000000 size 4K irq spi 1 level-high note "x" }
				device dev1 { path "/soc/dev@10000000" compatible "v,b" reg 0x10000000 size 4K irq spi 40 level-high no-dma }
				device dev2 { path "/soc/dev@10001000" compatible "v,b" reg 0x10001000 size 4K irq spi 41 level-high no-dma }
			}
			""";
	static final Set<String> FREE_TEXT = Set.of("Device.note", "ReservedRegion.note", "Board.description");

	@Test
	void theSameFingerprintWhereTheParserSeesTheSameFacts() throws Exception {
		String b = BOARD;
		List<String> inert = List.of(
				b.replace("note \"x\"", "note \"y\""), // a note
				b.replace("note \"the boot loader\"", "note \"U-Boot\""), // a reserved region's note
				b.replace("note \"x\"", "note \"a \\\"quoted\\\" // no comment /* nor this */ reg 0x0\""), // marks inside a note
				b.replace("note \"x\"", "note\n\t\t\"x\""), // whitespace between
				b.replace("note \"x\"", "note /* a comment */ \"x\""), // a comment between
				b.replace("arch aarch64", "arch aarch64 // a note \"q\""), // a line comment
				b.replace("arch aarch64", "arch aarch64 /* note \"q\" */"), // a block comment with a keyword in it
				b.replace("irq spi 41", "irq spi 41 "), // a blank
				b.replace("\t", "  ")); // the indentation
		List<String> facts = List.of(
				b.replace("arch aarch64", "arch aarch64\n\tdescription \"a\""), // a description where there was none: a token more
				b.replace("\"arm,pl011\"", "\"arm,pl012\""), // a compatible
				b.replace("\"arm,pl011\"", "\"arm,pl011\\\\\""), // an escaped backslash
				b.replace("\"arm,pl011\"", "\"arm,pl011 // x\""), // a comment mark inside a string that counts
				b.replace("reg 0x9000000", "reg 0x9000001"), // a register
				b.replace("device dev2 ", "device dev9 "), // a name
				b.replace("note \"x\" }", "note \"x\" compatible \"b\" }"), // a value after a note
				b.replace(" note \"x\" }", " }")); // no note
		for (String e : inert) {
			assertTrue(tokens(b).equals(tokens(e)), "the parser sees another board in\n" + e);
			assertEquals(BoardFacts.facts(b), BoardFacts.facts(e), e);
		}
		for (String e : facts) {
			assertFalse(tokens(b).equals(tokens(e)), "the parser sees the same board in\n" + e);
			assertNotEquals(BoardFacts.facts(b), BoardFacts.facts(e), e);
		}
		// any two of them: never "the same" where the parser sees a change
		List<String> all = new ArrayList<>(inert);
		all.addAll(facts);
		for (int i = 0; i < all.size(); i++)
			for (int j = i + 1; j < all.size(); j++) assertSafe(all.get(i), all.get(j));
		// where the reading is cautious: a blank between two tokens that the lexer splits anyway, there or gone, counts as
		// a change ("0x9000000size", "note\"x\"")
		for (String glued : List.of(b.replace("reg 0x9000000 size", "reg 0x9000000size"), b.replace("note \"x\"", "note\"x\""))) {
			assertEquals(tokens(b), tokens(glued));
			assertNotEquals(BoardFacts.facts(b), BoardFacts.facts(glued));
		}
	}

	@Test
	void everyShippedBoardReadsAsTheParserReadsIt() throws Exception {
		Path boards = Path.of("..", "boards");
		List<Path> files = new ArrayList<>();
		try (var list = Files.list(boards)) {
			list.filter(p -> p.toString().endsWith(".tess")).sorted().forEach(files::add);
		}
		assertFalse(files.isEmpty(), "no boards in " + boards.toAbsolutePath());
		for (Path p : files) {
			String text = Files.readString(p);
			for (String inert : List.of("/* a comment */\n" + text, text.replaceFirst("note \"", "note \"more "),
					text.replaceFirst("description \"", "description \"more "), text.replace("\n", "\n\n"))) {
				assertEquals(tokens(text), tokens(inert), p.toString());
				assertEquals(BoardFacts.facts(text), BoardFacts.facts(inert), p.toString());
			}
			for (String fact : List.of(text.replaceFirst("reg 0x([0-9a-f])", "reg 0x1$1"), text.replaceFirst("path \"", "path \"/x")))
				assertSafe(text, fact);
		}
	}

	/** Never the same fingerprint where the parser sees other facts. */
	private static void assertSafe(String a, String b) throws Exception {
		if (!tokens(a).equals(tokens(b)))
			assertNotEquals(BoardFacts.facts(a), BoardFacts.facts(b), "the same fingerprint for\n" + a + "\n---\n" + b);
	}

	/** The parser's tokens, hidden ones left out and free text as a mark. */
	private static List<String> tokens(String text) throws Exception {
		XtextResourceSet rs = INJECTOR.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) rs.createResource(URI.createURI("dummy.tess"));
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertFalse(r.getParseResult().hasSyntaxErrors(), () -> r.getErrors() + " in\n" + text);
		List<String> out = new ArrayList<>();
		for (ILeafNode leaf : r.getParseResult().getRootNode().getLeafNodes()) {
			if (leaf.isHidden()) continue;
			Assignment a = GrammarUtil.containingAssignment(leaf.getGrammarElement());
			ParserRule rule = a == null ? null : GrammarUtil.containingParserRule(a);
			out.add(rule != null && FREE_TEXT.contains(rule.getName() + "." + a.getFeature()) ? "\u0001" : leaf.getText());
		}
		return out;
	}
}
