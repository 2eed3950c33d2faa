package dev.tessera.importer;

import java.nio.file.Path;
import java.util.List;

/** The device trees under src/test/resources/dts. */
final class Fixtures {
	static final Path DIR = Path.of("src/test/resources/dts").toAbsolutePath();
	static final Path INCLUDE = DIR.resolve("include");

	private Fixtures() {
	}

	static BoardImporter.Result importBoard(String file) throws ImportException {
		return new BoardImporter().importBoard(new BoardImporter.Request(DIR.resolve(file), List.of(INCLUDE), "test-board", "test-board.dts",
				List.of(), null));
	}

	/** A board text with its wrapped comment lines joined again (BoardWriter wraps comments at about 116 columns). */
	static String unwrapped(String boardText) {
		return boardText.replaceAll("\\n[\\t ]*//   +", " ");
	}
}
