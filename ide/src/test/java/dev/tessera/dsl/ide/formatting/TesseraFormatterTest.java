package dev.tessera.dsl.ide.formatting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class TesseraFormatterTest {
	final TesseraFormatter tabs = new TesseraFormatter("\t");

	@Test
	void bracesInStringsAndCommentsDoNotIndent() {
		String in = """
				system s on b {
				domain d { // a } here
				cmdline "a { b"
				/* { */ vcpus 1
				}
				}
				""";
		assertEquals("""
				system s on b {
					domain d { // a } here
						cmdline "a { b"
						/* { */ vcpus 1
					}
				}
				""", tabs.format(in));
	}

	@Test
	void blockCommentsKeepTheirLinesAndListsGetOneSpaceAfterEachComma() {
		String in = "board b {\n  /* one\n     two { */\n device d {reg 0x0 size 4K ,0x1000 size 4K}\n}\n";
		assertEquals("board b {\n\t/* one\n     two { */\n\tdevice d {reg 0x0 size 4K, 0x1000 size 4K}\n}\n", tabs.format(in));
	}

	@Test
	void spacesWhenTheEditorIndentsWithSpacesAndBlankLinesCollapse() {
		String in = "\n\nsystem s on b {\n\n\n\ndomain d {\n}\n}\n\n\n";
		assertEquals("system s on b {\n\n  domain d {\n  }\n}\n", new TesseraFormatter("  ").format(in));
	}

	@Test
	void formattingChangesOnlyWhiteSpaceAndTwiceIsOnce() throws IOException {
		Path repo = Path.of("..").toAbsolutePath().normalize();
		for (String dir : List.of("examples", "boards"))
			try (Stream<Path> files = Files.walk(repo.resolve(dir))) {
				for (Path f : files.filter(p -> p.toString().endsWith(".tess")).toList()) {
					String text = Files.readString(f);
					String once = tabs.format(text);
					assertEquals(text.replaceAll("\\s+", ""), once.replaceAll("\\s+", ""), f.toString());
					assertEquals(once, tabs.format(once), f.toString());
				}
			}
		// the house style is the formatter's: the first example and the QEMU board stay as they are
		for (String f : List.of("examples/ivi/cockpit.tess", "boards/qemu-virt.tess", "boards/zcu102.tess")) {
			String text = Files.readString(repo.resolve(f));
			assertEquals(text, tabs.format(text), f);
		}
	}
}
