package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tessera board import}: a kernel-style tree becomes a board that checks and a device tree that compiles;
 * bad trees give file:line: error: node … and exit 1, no stack trace, nothing written.
 */
class BoardImportTest {
	static final Path FIXTURES = CliRun.root().resolve("importer/src/test/resources/dts");
	@TempDir
	Path tmp;

	@Test
	void importsAKernelStyleTree() throws Exception {
		Path out = tmp.resolve("boards/my-board.tess");
		CliRun run = CliRun.of("board", "import", FIXTURES.resolve("board.dts").toString(), "--include",
				FIXTURES.resolve("include").toString(), "-o", out.toString());
		assertEquals(0, run.exit, run.err);
		assertTrue(run.out.contains("imported board 'my-board'"), run.out);
		String tess = Files.readString(out);
		assertTrue(tess.contains("board my-board {"), tess);
		assertTrue(tess.contains("device-tree \"my-board.dts\""), tess);
		Path dts = tmp.resolve("boards/my-board.dts");
		assertTrue(Files.isRegularFile(dts));
		CliRun check = CliRun.of("check", out.toString());
		assertEquals(0, check.exit, check.err);
		CliRun.tool(tmp, "dtc", "-q", "-I", "dts", "-O", "dtb", "-o", tmp.resolve("my-board.dtb").toString(), dts.toString());
	}

	@Test
	void anImportedBoardCarriesASystem() throws Exception {
		Path board = tmp.resolve("my-board.tess");
		assertEquals(0, CliRun.of("board", "import", FIXTURES.resolve("board.dts").toString(), "-I", FIXTURES.resolve("include").toString(),
				"-o", board.toString()).exit);
		Path sys = tmp.resolve("sys.tess");
		Files.writeString(sys, """
				import "my-board.tess"
				system s on my-board {
				  xen 4.17 { console uart1 image "xen" max 4M }
				  domain dom0 control { os linux memory 256M vcpus 1 kernel "Image" max 32M }
				  domain u1 at-boot { os linux memory 128M vcpus 1 kernel "Image" max 32M passthrough eth }
				}
				""");
		CliRun run = CliRun.of("generate", sys.toString(), "-o", tmp.resolve("out").toString());
		assertEquals(0, run.exit, run.err);
		assertTrue(Files.isRegularFile(tmp.resolve("out/host.dtb")));
	}

	static void failsWith(CliRun run, String file, int line, String node, String words) {
		assertEquals(1, run.exit, run.err);
		String expected = Pattern.quote(file) + ":" + line + ": error: node " + Pattern.quote(node) + ": .*" + Pattern.quote(words);
		assertTrue(Pattern.compile(expected).matcher(run.err).find(), "expected " + expected + " in:\n" + run.err);
		assertFalse(run.err.contains("Exception") || run.err.contains("\tat "), "no stack trace:\n" + run.err);
	}

	@Test
	void badTreesAreDiagnosedWithFileLineAndNode() {
		String[][] cases = { { "syntax.dts", "9", "/serial@1000", "syntax error" },
				{ "missing-include.dts", "2", "/", "no-such-soc.dtsi" },
				{ "inconsistent-cells.dts", "15", "/soc/serial@1000", "address + 1 size cells" },
				{ "unresolved-interrupt-parent.dts", "17", "/serial@1000", "cannot be resolved" },
				{ "wrong-interrupt-cells.dts", "18", "/serial@1000", "3-cell specifiers" } };
		for (String[] c : cases) {
			Path in = FIXTURES.resolve("bad/" + c[0]);
			Path out = tmp.resolve(c[0] + ".tess");
			failsWith(CliRun.of("board", "import", in.toString(), "-o", out.toString()), in.toString(), Integer.parseInt(c[1]), c[2], c[3]);
			assertFalse(Files.exists(out), "nothing written for " + c[0]);
		}
	}

	@Test
	void wrongUsage() {
		CliRun missing = CliRun.of("board", "import", tmp.resolve("nope.dts").toString(), "-o", tmp.resolve("x.tess").toString());
		assertEquals(2, missing.exit);
		assertTrue(missing.err.contains("no such file"), missing.err);
		CliRun notTess = CliRun.of("board", "import", FIXTURES.resolve("board.dts").toString(), "-o", tmp.resolve("x.txt").toString());
		assertEquals(2, notTess.exit);
		assertEquals(2, CliRun.of("board", "import", FIXTURES.resolve("board.dts").toString()).exit, "-o is required");
		CliRun garbage = CliRun.of("board", "import", FIXTURES.resolve("bad/garbage.dtb").toString(), "-o", tmp.resolve("g.tess").toString());
		assertEquals(1, garbage.exit);
		assertTrue(garbage.err.contains("not a flattened device tree"), garbage.err);
	}
}
