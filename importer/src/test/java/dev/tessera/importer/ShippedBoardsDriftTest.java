package dev.tessera.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.model.Board;

/**
 * Re-imports every board of the shipped library from its upstream device tree and finds no drift: the same
 * device-tree facts in the board file, the same flattened tree beside it.
 */
class ShippedBoardsDriftTest {
	static List<Upstream> library() {
		return Upstream.LIBRARY;
	}

	final ModelLoader loader = new ModelLoader();

	@ParameterizedTest(name = "{0}")
	@MethodSource("library")
	void reimportFromUpstreamFindsNoDrift(Upstream up, @TempDir Path tmp) throws Exception {
		Path boards = Upstream.repo().resolve("boards");
		Path shippedFile = boards.resolve(up.board() + ".tess");
		assertTrue(Files.isRegularFile(shippedFile), shippedFile + " is missing");
		var loaded = loader.load(shippedFile);
		assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
		Board shipped = (Board) loaded.model().getElements().get(0);

		BoardImporter.Result imported = new BoardImporter().importBoard(new BoardImporter.Request(up.source(tmp), List.of(), up.board(),
				up.board() + ".dts", List.of("upstream"), null));

		List<String> drift = BoardFacts.drift(shipped, imported.board());
		assertTrue(drift.isEmpty(), "boards/" + up.board() + ".tess has drifted from its upstream device tree ("
				+ drift.size() + " fact(s); '-' shipped only, '+' upstream only):\n" + String.join("\n", drift));

		String shippedDts = Files.readString(boards.resolve(shipped.getDeviceTree()));
		assertEquals(body(imported.deviceTree()), body(shippedDts),
				"boards/" + shipped.getDeviceTree() + " is not the flattened upstream tree any more: import the board again");
		assertEquals(up.board() + ".dts", shipped.getDeviceTree());
		if (up.kernelFile() != null)
			assertTrue(shipped.getSources().stream().anyMatch(s -> s.contains(up.kernelFile())),
					"the board's source names " + up.kernelFile() + ": " + shipped.getSources());
	}

	@Test
	void libraryIndexListsEveryBoard() throws Exception {
		List<String> index = Files.readAllLines(Upstream.repo().resolve("boards/library.txt")).stream().map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
		for (Upstream u : Upstream.LIBRARY) assertTrue(index.contains(u.board()), "boards/library.txt does not list " + u.board());
	}

	/**
	 * The tree without its comment header (which names the kernel version it was flattened from) and without what
	 * was added by hand after the line that says so.
	 */
	static String body(String dts) {
		int hand = dts.indexOf("\n// " + BoardFacts.ADDED_BY_HAND);
		String upstream = hand < 0 ? dts : dts.substring(0, hand).stripTrailing() + "\n";
		return upstream.lines().filter(l -> !l.startsWith("//")).collect(Collectors.joining("\n"));
	}
}
