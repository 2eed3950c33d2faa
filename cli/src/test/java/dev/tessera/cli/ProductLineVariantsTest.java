package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants of one system: each generated on its own into a folder of its own, the system as written unchanged by
 * them; a variant's mistakes reported on the variant's lines with a rule id, and nothing written.
 */
class ProductLineVariantsTest {
	@TempDir
	Path tmp;

	static final String COCKPIT = "examples/ivi/cockpit.tess";

	static final String SYSTEM = """
			system s on qemu-virt {
				xen 4.17 { console uart0 image "xen" max 4M }
				domain dom0 control { os linux memory 512M kernel "Image" max 40M }
				domain ivi at-boot { os linux memory 256M kernel "Image" max 40M passthrough gpio0 spis 64 }
				shared-memory vehicle { size 16M owner ivi borrower dom0 }
			""";

	private Path write(String text) throws Exception {
		Path p = tmp.resolve("line.tess");
		Files.writeString(p, text);
		return p;
	}

	/** Generates every variant of a file that must fail; the diagnostic of the rule, its line and column checked. */
	private String failsWith(Path input, String rule, int line, int col) throws Exception {
		Path out = tmp.resolve("out");
		CliRun run = CliRun.of("generate", input.toString(), "--all-variants", "-o", out.toString());
		assertEquals(1, run.exit, run.err);
		Matcher m = Pattern.compile(Pattern.quote(input.toString()) + ":(\\d+):(\\d+): error: (.+) \\[" + Pattern.quote(rule) + "\\]$", Pattern.MULTILINE)
				.matcher(run.err);
		assertTrue(m.find(), "expected a [" + rule + "] diagnostic in:\n" + run.err);
		assertEquals(line + ":" + col, m.group(1) + ":" + m.group(2), run.err);
		assertFalse(run.err.contains("Exception"), run.err);
		assertFalse(Files.exists(out), "nothing written");
		assertEquals(1, CliRun.of("check", input.toString()).exit, "check validates every variant too");
		return m.group(3);
	}

	@Test
	void allVariantsWritesTheSystemAndEachVariantIntoFoldersOfTheirOwn() throws Exception {
		Path out = tmp.resolve("ivi");
		CliRun run = CliRun.of("generate", CliRun.root().resolve(COCKPIT).toString(), "--all-variants", "-o", out.toString());
		assertEquals(0, run.exit, run.err);
		for (String product : new String[] { "cockpit", "premium", "base" })
			for (String file : new String[] { "manifest.yaml", "host.dtb", "boot.scr", "layout.svg" })
				assertTrue(Files.isRegularFile(out.resolve(product).resolve(file)), product + "/" + file);
		// what the variants change, read back from the compiled trees by the real fdtget
		assertEquals("2", CliRun.fdtget(out.resolve("premium/host.dtb"), "x", "/chosen/ivi", "cpus"));
		assertEquals("0 c0000", CliRun.fdtget(out.resolve("premium/host.dtb"), "x", "/chosen/ivi", "memory"));
		assertEquals("0 20000", CliRun.fdtget(out.resolve("base/host.dtb"), "x", "/chosen/ivi", "memory"));
		assertTrue(Files.exists(out.resolve("premium/xl/rear.cfg")), "premium adds the rear-seat guest");
		assertFalse(Files.exists(out.resolve("base/xl/guest.cfg")), "base has no guest");
		assertFalse(Files.exists(out.resolve("base/passthrough")), "base passes no GPIO through");
		assertNotEquals(Files.readString(out.resolve("cockpit/layout.svg")), Files.readString(out.resolve("premium/layout.svg")),
				"a layout drawing per variant");
	}

	@Test
	void theSystemAsWrittenIsTheSameWithOrWithoutItsVariants() throws Exception {
		Path all = tmp.resolve("all"), plain = CliRun.generated(COCKPIT, tmp.resolve("plain"));
		assertEquals(0, CliRun.of("generate", CliRun.root().resolve(COCKPIT).toString(), "--all-variants", "-o", all.toString()).exit);
		try (var files = Files.walk(plain)) {
			for (Path f : files.filter(Files::isRegularFile).toList())
				assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(all.resolve("cockpit").resolve(plain.relativize(f))), f.toString());
		}
	}

	@Test
	void oneVariantIsWrittenIntoTheOutputFolderItself() throws Exception {
		Path out = tmp.resolve("base");
		CliRun run = CliRun.of("generate", CliRun.root().resolve(COCKPIT).toString(), "--variant", "base", "-o", out.toString());
		assertEquals(0, run.exit, run.err);
		assertTrue(Files.isRegularFile(out.resolve("manifest.yaml")));
		assertEquals("0 20000", CliRun.fdtget(out.resolve("host.dtb"), "x", "/chosen/ivi", "memory"));
	}

	@Test
	void anUnknownVariantIsAUsageErrorThatNamesTheVariants() {
		Path out = tmp.resolve("out");
		CliRun run = CliRun.of("generate", CliRun.root().resolve(COCKPIT).toString(), "--variant", "nosuch", "-o", out.toString());
		assertEquals(2, run.exit, run.err);
		assertTrue(run.err.contains("no variant 'nosuch'") && run.err.contains("premium, base"), run.err);
		assertFalse(Files.exists(out));
	}

	@Test
	void aMisspelledVariantGetsADidYouMean() {
		CliRun run = CliRun.of("generate", CliRun.root().resolve(COCKPIT).toString(), "--variant", "premum", "-o", tmp.resolve("out").toString());
		assertEquals(2, run.exit, run.err);
		assertTrue(run.err.contains("did you mean 'premium'?"), run.err);
	}

	@Test
	void oneVariantAndAllVariantsExcludeEachOther() {
		CliRun run = CliRun.of("generate", CliRun.root().resolve(COCKPIT).toString(), "--variant", "base", "--all-variants", "-o",
				tmp.resolve("out").toString());
		assertEquals(2, run.exit, run.err);
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void aVariantNamingAMissingDomainSaysWhichItMeant() throws Exception {
		String msg = failsWith(write(SYSTEM + "\tvariant small {\n\t\tdomain iv { memory 128M }\n\t}\n}\n"), "variant.unknown-domain", 7, 10);
		assertTrue(msg.contains("'iv'") && msg.contains("did you mean 'ivi'"), msg);
	}

	@Test
	void conflictingChangesAreReportedOnTheSecondNamingTheFirst() throws Exception {
		String msg = failsWith(write(SYSTEM + "\tvariant big {\n\t\tdomain ivi { memory 512M }\n\t\twithout domain ivi\n\t}\n}\n"),
				"variant.conflict", 8, 18);
		assertTrue(msg.contains("changes domain 'ivi' and also removes it"), msg);
	}

	@Test
	void removingADomainOthersStillNameIsAnError() throws Exception {
		String msg = failsWith(write(SYSTEM + "\tvariant small {\n\t\twithout domain ivi\n\t}\n}\n"), "variant.still-used", 7, 18);
		assertTrue(msg.contains("shared-memory 'vehicle'"), msg);
	}

	@Test
	void aRuleBrokenByAChangedSettingIsReportedOnTheVariantLine() throws Exception {
		String msg = failsWith(write(SYSTEM + "\tvariant small {\n\t\tdomain ivi {\n\t\t\tvcpus 0\n\t\t}\n\t}\n}\n"), "domain.vcpus", 8, 10);
		assertTrue(msg.startsWith("in variant 'small': "), msg);
	}

	@Test
	void aRuleBrokenOnAnUnchangedElementSaysWhichVariant() throws Exception {
		// static shared memory needs Xen 4.17: the shared memory is the system's, the variant only lowers the version
		String msg = failsWith(write(SYSTEM + "\tvariant old {\n\t\txen 4.16\n\t}\n}\n"), "xen.feature", 5, 16);
		assertTrue(msg.startsWith("in variant 'old': "), msg);
	}

	@Test
	void aProblemOfTheSystemsOwnFileIsReportedOnceNotAgainPerVariant() throws Exception {
		// the board beside the system lacks loader memory: said once, on the board, as without variants
		Path file = write("""
				board tb {
					arch aarch64
					device-tree "tb.dts"
					cluster c { cpu cpu0 mpidr 0x0 path "/cpus/cpu@0" }
					ram bank0 0x40000000 size 1G path "/memory@40000000"
					device uart0 uart { path "/pl011@9000000" reg 0x9000000 size 4K irq spi 1 level-high }
				}
				system s on tb {
					xen 4.17 { console uart0 image "xen" max 4M }
					domain dom0 control { memory 256M kernel "Image" max 40M }
					variant big { domain dom0 { memory 512M } }
				}
				""");
		CliRun run = CliRun.of("check", file.toString());
		assertEquals(0, run.exit, run.err);
		assertEquals(1, run.err.split("\\[board.loader-memory\\]", -1).length - 1, run.err);
	}

	@Test
	void aNewBoardMustHaveTheDevicesTheSystemNames() throws Exception {
		String msg = failsWith(write(SYSTEM + "\tvariant pi {\n\t\tboard rpi4\n\t}\n}\n"), "variant.board-lacks", 7, 9);
		assertTrue(msg.contains("'gpio0'") && msg.contains("domain 'ivi'"), msg);
	}
}
