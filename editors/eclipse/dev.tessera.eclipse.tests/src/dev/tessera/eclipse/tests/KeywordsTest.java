package dev.tessera.eclipse.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.junit.jupiter.api.Test;

import dev.tessera.eclipse.editor.Keywords;
import dev.tessera.eclipse.editor.TesseraPresentationReconciler;

/** The colouring knows every keyword of the grammar, and colours a line as the TextMate grammar does. */
class KeywordsTest {
	@Test
	void everyKeywordOfTheGrammarIsColoured() throws Exception {
		String grammar = Files.readString(Ui.repo().resolve("dsl/src/main/java/dev/tessera/dsl/Tessera.xtext"));
		String code = grammar.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (String rule : code.split(";\\s*\\n")) {
			String head = rule.strip();
			if (head.startsWith("terminal") || head.startsWith("grammar") || head.startsWith("import") || head.startsWith("Name")) continue;
			Matcher m = Pattern.compile("'([a-zA-Z][a-zA-Z0-9-]*)'").matcher(head);
			while (m.find()) {
				String k = m.group(1);
				if (k.length() < 2) continue;
				checked++;
				if (!Keywords.KEYWORDS.contains(k) && !Keywords.CONSTANTS.contains(k)) missing.add(k);
			}
		}
		assertTrue(checked > 100, "read the grammar's keywords (" + checked + ")");
		assertEquals(List.of(), missing, "keywords of Tessera.xtext that the Eclipse colouring does not know");
	}

	@Test
	void aLineIsColouredByKind() {
		String line = "\tdomain rtos at-boot { memory 64M static at 0x70000000 // pinned\n";
		RuleBasedScanner scanner = TesseraPresentationReconciler.scanner();
		Document doc = new Document(line);
		scanner.setRange(doc, 0, doc.getLength());
		StringBuilder kinds = new StringBuilder();
		for (IToken t = scanner.nextToken(); !t.isEOF(); t = scanner.nextToken()) {
			if (t.isWhitespace()) continue;
			String text = line.substring(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
			String kind = t.getData() instanceof TextAttribute a ? kind(a) : "-";
			kinds.append(text).append('=').append(kind).append(' ');
		}
		assertEquals("domain=keyword rtos=- at-boot=constant {=- memory=keyword 64M=number static=keyword at=keyword 0x70000000=number // pinned\n=comment ",
				kinds.toString());
	}

	static String kind(TextAttribute a) {
		if (a.getForeground() == null) return "-";
		var rgb = a.getForeground().getRGB();
		if (rgb.equals(new org.eclipse.swt.graphics.RGB(127, 0, 85))) return "keyword";
		if (rgb.equals(new org.eclipse.swt.graphics.RGB(0, 0, 192))) return "constant";
		if (rgb.equals(new org.eclipse.swt.graphics.RGB(63, 127, 95))) return "comment";
		if (rgb.equals(new org.eclipse.swt.graphics.RGB(42, 0, 255))) return "string";
		if (rgb.equals(new org.eclipse.swt.graphics.RGB(128, 64, 0))) return "number";
		return rgb.toString();
	}
}
