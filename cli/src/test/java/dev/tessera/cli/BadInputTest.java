package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets a diagnostic with file, line, column and rule id, exit status 1, no stack trace,
 * and no output: neither a new output folder nor a changed old one.
 */
class BadInputTest {
	@TempDir
	Path tmp;

	static final String GOOD_DOMAINS = """
			domain dom0 control { os linux memory 256M vcpus 1 kernel "Image" max 32M }
			domain u1 at-boot { os linux memory 128M vcpus 1 kernel "Image" max 32M }
			""";

	private Path write(String name, String text) throws Exception {
		Path p = tmp.resolve(name);
		Files.writeString(p, text);
		return p;
	}

	/** Runs generate and checks the common promises; returns the CLI's error output. */
	private String failsWith(Path input, String rule, int line) throws Exception {
		Path out = tmp.resolve("out-" + input.getFileName());
		CliRun run = CliRun.of("generate", input.toString(), "-o", out.toString());
		assertEquals(1, run.exit, run.err);
		Matcher m = Pattern.compile(Pattern.quote(input.toString()) + ":(\\d+):(\\d+): error: .+ \\[" + Pattern.quote(rule) + "\\]$", Pattern.MULTILINE)
				.matcher(run.err);
		assertTrue(m.find(), "expected a [" + rule + "] diagnostic in:\n" + run.err);
		if (line > 0) assertEquals(line, Integer.parseInt(m.group(1)), run.err);
		assertFalse(run.err.contains("Exception") || run.err.contains("\tat "), "no stack trace:\n" + run.err);
		assertFalse(Files.exists(out), "no output folder on failure");
		try (var siblings = Files.list(tmp)) {
			assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".tessera-")), "no staging left behind");
		}
		return run.err;
	}

	@Test
	void emptyFile() throws Exception {
		failsWith(write("empty.tess", ""), "file.empty", 1);
	}

	@Test
	void garbageBytes() throws Exception {
		Path p = tmp.resolve("garbage.tess");
		byte[] bytes = new byte[512];
		new java.util.Random(7).nextBytes(bytes);
		Files.write(p, bytes);
		failsWith(p, "syntax", 0);
	}

	@Test
	void truncatedFile() throws Exception {
		String full = Files.readString(CliRun.root().resolve("examples/ivi/cockpit.tess"));
		failsWith(write("truncated.tess", full.substring(0, full.indexOf("domain ivi"))), "syntax", 0);
	}

	@Test
	void unknownBoardNamesTheShippedOnes() throws Exception {
		String err = failsWith(write("board.tess", "system s on no-such-board {\n" + GOOD_DOMAINS + "}\n"), "link", 1);
		assertTrue(err.contains("unknown board 'no-such-board'") && err.contains("qemu-virt"), err);
	}

	@Test
	void unknownDevice() throws Exception {
		String err = failsWith(write("device.tess", "system s on qemu-virt {\n xen 4.17 { console uart9 }\n" + GOOD_DOMAINS + "}\n"), "link", 2);
		assertTrue(err.contains("unknown device 'uart9'"), err);
	}

	@Test
	void missingImport() throws Exception {
		failsWith(write("import.tess", "import \"boards/nowhere.tess\"\nsystem s on qemu-virt {\n" + GOOD_DOMAINS + "}\n"), "import.missing", 1);
	}

	@Test
	void duplicateDomainName() throws Exception {
		String err = failsWith(write("dup.tess", "system s on qemu-virt {\n" + GOOD_DOMAINS
				+ "domain u1 at-boot { memory 64M kernel \"Image\" max 32M }\n}\n"), "domain.name-unique", 4);
		assertTrue(err.contains("'u1'"), err);
	}

	@Test
	void memoryThatDoesNotFitSaysWhoTakesWhat() throws Exception {
		String err = failsWith(write("mem.tess", "system s on qemu-virt {\n" + GOOD_DOMAINS
				+ "domain big at-boot { memory 2G kernel \"Image\" max 32M }\n}\n"), "memory.fits", 1);
		assertTrue(err.contains("'dom0' 256M") && err.contains("'big' 2G"), err);
	}

	@Test
	void moduleThatDoesNotFitIsNamed() throws Exception {
		String err = failsWith(write("module.tess", "system s on qemu-virt {\n" + GOOD_DOMAINS
				+ "domain huge at-boot { memory 64M kernel \"huge.bin\" max 1900M }\n}\n"), "boot.module-fit", 4);
		assertTrue(err.contains("huge.bin"), err);
	}

	@Test
	void nameThatWouldEscapeTheOutputFolder() throws Exception {
		failsWith(write("escape.tess", "system s on qemu-virt {\n" + GOOD_DOMAINS
				+ "domain ../../etc at-boot { memory 64M kernel \"Image\" max 32M }\n}\n"), "syntax", 4);
	}

	@Test
	void commandLineWithANewline() throws Exception {
		failsWith(write("newline.tess", "system s on qemu-virt {\n domain dom0 control { memory 256M kernel \"Image\" max 32M\n cmdline \"console=hvc0\nrm -rf /\" }\n}\n"),
				"text.unsafe", 3);
	}

	@Test
	void aFolderThatIsNotTesserasIsNeverReplaced() throws Exception {
		Path out = tmp.resolve("mine");
		Files.createDirectories(out);
		Files.writeString(out.resolve("notes.txt"), "my notes");
		Path good = write("good.tess", "system s on qemu-virt {\n xen 4.17 { console uart0 image \"xen\" max 4M }\n" + GOOD_DOMAINS + "}\n");
		CliRun run = CliRun.of("generate", good.toString(), "-o", out.toString());
		assertEquals(2, run.exit, run.err);
		assertTrue(run.err.contains("not an earlier Tessera output"), run.err);
		assertEquals("my notes", Files.readString(out.resolve("notes.txt")));
		// nor the folder that holds the input
		CliRun here = CliRun.of("generate", good.toString(), "-o", tmp.toString());
		assertEquals(2, here.exit, here.err);
		assertTrue(Files.exists(good));
		// an earlier output is replaced
		Path earlier = tmp.resolve("earlier");
		assertEquals(0, CliRun.of("generate", good.toString(), "-o", earlier.toString()).exit);
		assertEquals(0, CliRun.of("generate", good.toString(), "-o", earlier.toString()).exit);
	}

	@Test
	void failedRunLeavesAnExistingOutputFolderUntouched() throws Exception {
		Path out = tmp.resolve("kept");
		Files.createDirectories(out);
		Files.writeString(out.resolve("manifest.yaml"), "tessera_manifest: 1\n");
		Files.writeString(out.resolve("previous.txt"), "earlier output");
		Path bad = write("bad.tess", "system s on qemu-virt {\n" + GOOD_DOMAINS + GOOD_DOMAINS + "}\n");
		assertEquals(1, CliRun.of("generate", bad.toString(), "-o", out.toString()).exit);
		assertEquals("earlier output", Files.readString(out.resolve("previous.txt")));
		try (var files = Files.list(out)) {
			assertEquals(2, files.count());
		}
	}

	@Test
	void missingInputFileIsAUsageError() {
		CliRun run = CliRun.of("generate", tmp.resolve("nope.tess").toString(), "-o", tmp.resolve("o").toString());
		assertEquals(2, run.exit);
		assertTrue(run.err.contains("cannot read"), run.err);
	}

	@Test
	void unknownOptionIsAUsageError() {
		assertEquals(2, CliRun.of("generate", "--frobnicate").exit);
	}

	@Test
	void theSeedExampleWithBudgetsItsPeriodsCannotHoldIsRefusedAndNothingIsWritten() throws Exception {
		// examples/rt/arinc653-seed.tess with budgets 2, 3 and 4 ms in periods 5, 6 and 10 ms: 130 % of the CPU
		String seed = Files.readString(CliRun.root().resolve("examples/rt/arinc653-seed.tess"));
		String over = seed.replace("budget 1ms per 5ms", "budget 2ms per 5ms").replace("budget 2ms per 6ms", "budget 3ms per 6ms")
				.replace("budget 3ms per 10ms", "budget 4ms per 10ms");
		assertEquals(3, over.split("budget [234]ms per", -1).length - 1, "the seed example's three budgets were replaced");
		String err = failsWith(write("arinc653-over.tess", over), "sched.arinc653", 0);
		assertTrue(err.contains("need 130% of its CPU (utilisation 1.30)"), err);
		assertTrue(err.contains("domain 'p10' cannot get its budget in its window 0ms to 10ms"), err);
	}

	@Test
	void quotesAndBackslashesAreEscapedInEveryFormat() throws Exception {
		String cmdline = "console=hvc0 app.title=\"My \\\"car\\\"\" path=C:\\\\x $HOME";
		// as written in the .tess string literal: the value contains quotes, backslashes and a dollar sign
		Path p = write("quotes.tess", "system s on qemu-virt {\n xen 4.17 { console uart0 image \"xen\" max 4M }\n"
				+ " domain dom0 control { memory 256M kernel \"Image\" max 32M cmdline \"" + cmdline.replace("\\", "\\\\").replace("\"", "\\\"") + "\" }\n"
				+ " domain g xl { memory 64M kernel \"Image\" cmdline \"" + cmdline.replace("\\", "\\\\").replace("\"", "\\\"") + "\" }\n}\n");
		Path out = tmp.resolve("q");
		CliRun run = CliRun.of("generate", p.toString(), "-o", out.toString());
		assertEquals(0, run.exit, run.err);
		// dtc compiled it, and the real fdtget reads the exact value back
		assertEquals(cmdline, CliRun.fdtget(out.resolve("host.dtb"), "s", "/chosen/dom0-kernel", "bootargs"));
		String script = Files.readString(out.resolve("boot.cmd"), StandardCharsets.UTF_8);
		// hush keeps backslashes inside double quotes: each special character goes outside them, backslashed
		// (U-Boot reads it back as written: UBootCarriesHostileTextTest in the boot module)
		assertTrue(script.contains("bootargs \"console=hvc0 app.title=\"\\\"\"My \"\\\\\\\"\"car\"\\\\\\\"\\\"\" path=C:\"\\\\\\\\\"x \"\\$\"HOME\""), script);
		String xl = Files.readString(out.resolve("xl/g.cfg"));
		assertTrue(xl.contains("extra = \"console=hvc0 app.title=\\\"My \\\\\\\"car\\\\\\\"\\\" path=C:\\\\\\\\x $HOME\""), xl);
	}
}
