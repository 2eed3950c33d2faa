package dev.tessera.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

import dev.tessera.dsl.ide.build.KeptIndexEntry;

/**
 * A keystroke is parsed again only where it changed the text (ReparsingProjectManager): what the editor then shows, for
 * the edited board and for the system on it, is what a server that reads the same text afresh shows.
 */
class KeystrokeReparseTest {
	static final String BOARD = """
			board b {
				arch aarch64
				cluster c0 cortex-a72 { cpu cpu0 mpidr 0x0 path "/cpus/cpu@0" cpu cpu1 mpidr 0x1 path "/cpus/cpu@1" }
				ram bank0 0x40000000 size 2G path "/memory@40000000"
				reserved uboot 0xbc000000 size 64M loader
				gic v3 { path "/interrupt-controller@8000000" reg 0x8000000 size 0x10000, 0x80a0000 size 0xf60000 }
				device uart0 uart { path "/soc/serial@9000000" compatible "arm,pl011" reg 0x9000000 size 4K irq spi 1 level-high note "x" }
				device dev1 { path "/soc/dev@10000000" compatible "v,b" reg 0x10000000 size 4K irq spi 40 level-high no-dma }
				device dev2 { path "/soc/dev@10001000" compatible "v,b" reg 0x10001000 size 4K irq spi 41 level-high no-dma }
			}
			""";
	static final String SYSTEM = """
			import "b.tess"
			system s on b {
				xen 4.19 { console uart0 image "xen" max 4M }
				domain dom0 control { os linux memory 1G vcpus 1 kernel "Image" max 40M ramdisk "initrd" max 8M }
				domain g1 at-boot { os linux memory 32M vcpus 1 kernel "Image" max 40M passthrough dev1 }
				domain g2 at-boot { os linux memory 32M vcpus 1 kernel "Image" max 40M passthrough dev2 }
			}
			""";

	/** An edit of the board, and whether it changes a fact a system's rules read (then the system is validated again). */
	record BoardEdit(String text, boolean reachesSystems) {
		static BoardEdit fact(String text) {
			return new BoardEdit(text, true);
		}

		static BoardEdit inert(String text) {
			return new BoardEdit(text, false);
		}
	}

	static final String DEV2 = "\tdevice dev2 { path \"/soc/dev@10001000\" compatible \"v,b\" reg 0x10001000 size 4K irq spi 41 level-high no-dma }\n";

	@Test
	void eachKeystrokeInTheBoardShowsWhatAFreshReadShows() throws Exception {
		String described = BOARD.replace("arch aarch64", "arch aarch64\n\tdescription \"a\"");
		String withoutDev2 = BOARD.replace(DEV2, "");
		assertNotEquals(BOARD, withoutDev2);
		List<BoardEdit> boards = List.of(
				BoardEdit.inert(BOARD.replace("note \"x\"", "note \"y\"")), // a note: the system is not validated again
				BoardEdit.fact(BOARD.replace("irq spi 41", "irq spi 40")), // two devices on one interrupt: the system is told
				BoardEdit.fact(BOARD.replace("irq spi 41", "irq spi 4")), // back to distinct interrupts
				BoardEdit.fact(BOARD.replace("size 4K irq spi 41", "size 4K irq spi 41 }")), // a syntax error: the whole file is parsed
				BoardEdit.fact(BOARD.replace("note \"x\"", "note \"z\"")), // and fixed again: the facts are those before the error
				BoardEdit.fact(BOARD.replace("\"/soc/dev@10000000\"", "\"soc/dev@10000000\"")), // a path the rules reject
				BoardEdit.fact(BOARD.replace("reg 0x10001000", "reg 0x10000000")), // dev2 on dev1's registers: g1's and g2's devices overlap
				BoardEdit.inert(BOARD.replace("reg 0x10001000", "reg 0x10000000").replace("note \"x\"", "note \"o\"")), // the overlap stays
				BoardEdit.fact(BOARD.replace("device dev2 ", "device dev9 ")), // renamed: g2 passes through a name no longer there
				BoardEdit.fact(withoutDev2), // removed
				BoardEdit.inert(withoutDev2.replace("note \"x\"", "note \"q\"")), // the missing device is still reported
				BoardEdit.fact(described), // a description where there was none: a token more, counted as a change
				BoardEdit.inert(described.replace("\"a\"", "\"b\"")), // what the description says
				BoardEdit.inert(described.replace("\"a\"", "\"b\"").replace("arch aarch64", "arch aarch64\n\n\t// a comment")), // a comment, a blank line
				BoardEdit.fact(BOARD.replace("note \"x\"", "note \"w\"")), // no description again
				BoardEdit.inert(BOARD));
		List<String> systems = List.of(SYSTEM.replace("g2 at-boot { os linux memory 32M vcpus 1", "g2 at-boot { os linux memory 32M vcpus 0"),
				SYSTEM.replace("passthrough dev2", "passthrough dev1"), SYSTEM.replace("passthrough dev2", "passthrough dev3"),
				SYSTEM.replace("passthrough dev2", "passthrough"), // a syntax error
				SYSTEM);
		List<String> seen = new ArrayList<>(), fresh = new ArrayList<>();
		int inPlace = ReparsingProjectManager.IN_PLACE.get();
		int kept;
		try (InProcessServer ls = InProcessServer.start(Map.of("b.tess", BOARD, "s.tess", SYSTEM))) {
			ls.edit("s.tess", SYSTEM);
			ls.edit("b.tess", BOARD);
			ls.settle("s.tess"); // the workspace's first build too: its diagnostics may come after an edit's
			kept = KeptIndexEntry.KEPT.get();
			String system = ls.uri("s.tess");
			for (BoardEdit b : boards) {
				int before = ls.client.count(system);
				seen.add("board: " + show(ls.edit("b.tess", b.text())));
				if (b.reachesSystems()) seen.add("system: " + show(ls.client.await(system, before, InProcessServer.WAIT).getDiagnostics()));
				else {
					// nothing the system reads changed: it is not validated again, and what it showed still holds (below)
					ls.settle("s.tess");
					assertEquals(before, ls.client.count(system), "the system's diagnostics were published again after " + b.text());
					seen.add("system: " + show(ls.client.await(system, before - 1, InProcessServer.WAIT).getDiagnostics()));
				}
			}
			// the board kept its index entry after each inert edit, and only then
			assertEquals(boards.stream().filter(b -> !b.reachesSystems()).count(), KeptIndexEntry.KEPT.get() - kept);
			for (String s : systems) seen.add("system: " + show(ls.edit("s.tess", s)));
		}
		// all but the two syntax errors and the edit after each (the file had an error: parsed whole) were parsed in place
		assertEquals(boards.size() - 2 + systems.size() - 2, ReparsingProjectManager.IN_PLACE.get() - inPlace);
		for (BoardEdit b : boards) {
			try (InProcessServer ls = InProcessServer.start(Map.of("b.tess", b.text(), "s.tess", SYSTEM))) {
				fresh.add("board: " + show(ls.edit("b.tess", b.text())));
				fresh.add("system: " + show(ls.edit("s.tess", SYSTEM)));
			}
		}
		for (String s : systems)
			try (InProcessServer ls = InProcessServer.start(Map.of("b.tess", BOARD, "s.tess", s))) {
				fresh.add("system: " + show(ls.edit("s.tess", s)));
			}
		assertEquals(String.join("\n", fresh), String.join("\n", seen));
		// the series shows something: the shared interrupt, the syntax error, the path, the overlap, the lost name, the vcpus
		String all = String.join("\n", seen);
		for (String code : List.of("syntax", "board.dt-path", "link", "domain.vcpus")) assertTrue(all.contains(code), code + " in\n" + all);
	}

	/**
	 * A note typed into a device the system uses replaces that device in the model (the partial parse) and the system is
	 * not validated again: its link to the device still leads to the board as it is now (Xtext leaves a proxy of the
	 * device's place where the old one was, and the same facts put the new one at the same place), so the hover shows
	 * the new note.
	 */
	@Test
	void aNoteTypedIntoTheBoardShowsInTheSystemsHover() throws Exception {
		try (InProcessServer ls = InProcessServer.start(Map.of("b.tess", BOARD, "s.tess", SYSTEM))) {
			ls.edit("s.tess", SYSTEM);
			ls.edit("b.tess", BOARD);
			ls.settle("s.tess");
			assertTrue(hover(ls, "console uart0").contains("note: x"), hover(ls, "console uart0"));
			int before = ls.client.count(ls.uri("s.tess"));
			ls.edit("b.tess", BOARD.replace("note \"x\"", "note \"a note typed now\""));
			ls.settle("s.tess");
			assertEquals(before, ls.client.count(ls.uri("s.tess")));
			assertTrue(hover(ls, "console uart0").contains("note: a note typed now"), hover(ls, "console uart0"));
		}
	}

	private static String hover(InProcessServer ls, String needle) throws Exception {
		var at = LspText.positionOf(ls.text("s.tess"), needle, 0, needle.length() - 1);
		var h = ls.server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(new org.eclipse.lsp4j.TextDocumentIdentifier(ls.uri("s.tess")), at))
				.get(60, java.util.concurrent.TimeUnit.SECONDS);
		return h == null ? "" : h.getContents().isRight() ? h.getContents().getRight().getValue() : String.valueOf(h.getContents().getLeft());
	}

	private static String show(List<Diagnostic> ds) {
		List<String> out = new ArrayList<>();
		for (Diagnostic d : ds)
			out.add(InProcessServer.code(d) + " " + d.getSeverity() + " " + d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter()
					+ "-" + d.getRange().getEnd().getLine() + ":" + d.getRange().getEnd().getCharacter() + " " + d.getMessage());
		return out.toString();
	}
}
