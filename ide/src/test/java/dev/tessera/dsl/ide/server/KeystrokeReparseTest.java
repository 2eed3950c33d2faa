package dev.tessera.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

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

	@Test
	void eachKeystrokeInTheBoardShowsWhatAFreshReadShows() throws Exception {
		List<String> boards = List.of(
				BOARD.replace("note \"x\"", "note \"y\""), // a note: nothing else changes
				BOARD.replace("irq spi 41", "irq spi 40"), // two devices on one interrupt: the system is told
				BOARD.replace("irq spi 41", "irq spi 4"), // back to distinct interrupts
				BOARD.replace("size 4K irq spi 41", "size 4K irq spi 41 }"), // a syntax error: the whole file is parsed
				BOARD.replace("note \"x\"", "note \"z\""), // and fixed again
				BOARD.replace("\"/soc/dev@10000000\"", "\"soc/dev@10000000\""), // a path the rules reject
				BOARD);
		List<String> systems = List.of(SYSTEM.replace("g2 at-boot { os linux memory 32M vcpus 1", "g2 at-boot { os linux memory 32M vcpus 0"),
				SYSTEM.replace("passthrough dev2", "passthrough dev1"), SYSTEM.replace("passthrough dev2", "passthrough dev3"),
				SYSTEM.replace("passthrough dev2", "passthrough"), // a syntax error
				SYSTEM);
		List<String> seen = new ArrayList<>(), fresh = new ArrayList<>();
		int inPlace = ReparsingProjectManager.IN_PLACE.get();
		try (InProcessServer ls = InProcessServer.start(Map.of("b.tess", BOARD, "s.tess", SYSTEM))) {
			ls.edit("s.tess", SYSTEM);
			ls.edit("b.tess", BOARD);
			for (String b : boards) {
				int before = ls.client.count(ls.uri("s.tess"));
				seen.add("board: " + show(ls.edit("b.tess", b)));
				seen.add("system: " + show(ls.client.await(ls.uri("s.tess"), before, InProcessServer.WAIT).getDiagnostics()));
			}
			for (String s : systems) seen.add("system: " + show(ls.edit("s.tess", s)));
		}
		// all but the two syntax errors and the edit after each (the file had an error: parsed whole) were parsed in place
		assertEquals(boards.size() - 2 + systems.size() - 2, ReparsingProjectManager.IN_PLACE.get() - inPlace);
		for (String b : boards) {
			try (InProcessServer ls = InProcessServer.start(Map.of("b.tess", b, "s.tess", SYSTEM))) {
				fresh.add("board: " + show(ls.edit("b.tess", b)));
				fresh.add("system: " + show(ls.edit("s.tess", SYSTEM)));
			}
		}
		for (String s : systems)
			try (InProcessServer ls = InProcessServer.start(Map.of("b.tess", BOARD, "s.tess", s))) {
				fresh.add("system: " + show(ls.edit("s.tess", s)));
			}
		assertEquals(String.join("\n", fresh), String.join("\n", seen));
		// the series shows something: the shared interrupt, the syntax error, the path, the vcpus
		String all = String.join("\n", seen);
		for (String code : List.of("syntax", "board.dt-path", "domain.vcpus")) assertTrue(all.contains(code), code + " in\n" + all);
	}

	private static String show(List<Diagnostic> ds) {
		List<String> out = new ArrayList<>();
		for (Diagnostic d : ds)
			out.add(InProcessServer.code(d) + " " + d.getSeverity() + " " + d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter()
					+ "-" + d.getRange().getEnd().getLine() + ":" + d.getRange().getEnd().getCharacter() + " " + d.getMessage());
		return out.toString();
	}
}
