package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** check and generate report as gcc does, as JSON or SARIF, with warnings made errors or turned off by rule. */
class DiagnosticsForMachinesAndPeopleTest {
	/** VS Code's built-in $gcc problem matcher (vscode src/vs/workbench/contrib/tasks/common/problemMatcher.ts). */
	static final Pattern VSCODE_GCC = Pattern.compile("^(.*?):(\\d+):(\\d*):?\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$");
	/** The $gcc matcher of Microsoft's C/C++ extension (vscode-cpptools, Extension/package.json), also GitHub's gcc matchers'. */
	static final Pattern CPPTOOLS_GCC = Pattern.compile("^(.*):(\\d+):(\\d+):\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$");

	@TempDir
	Path tmp;
	Path system;

	@BeforeEach
	void aSystemWithOneWarning() throws Exception {
		system = tmp.resolve("w.tess");
		Files.writeString(system, """
				system w on qemu-virt {
					xen 4.17 { console uart0 image "xen" max 4M }
					domain dom0 control { memory 256M kernel "Image" max 40M passthrough gpio0 }
				}
				""");
	}

	@Test
	void textLinesAreWhatTheGccProblemMatchersRead() {
		CliRun r = CliRun.of("check", system.toString());
		assertEquals(0, r.exit, r.err);
		String line = r.err.lines().filter(l -> l.contains("[device.passthrough-dom0]")).findFirst().orElseThrow(() -> new AssertionError(r.err));
		for (Pattern p : List.of(VSCODE_GCC, CPPTOOLS_GCC)) {
			Matcher m = p.matcher(line);
			assertTrue(m.matches(), p + " does not read: " + line);
			assertEquals(system.toString(), m.group(1));
			assertEquals("3", m.group(2));
			assertEquals("warning", m.group(4));
			assertTrue(m.group(5).startsWith("domain 'dom0' is dom0") && m.group(5).endsWith("[device.passthrough-dom0]"), m.group(5));
		}
		// negative control: the layout before, "file:l:c: warning [rule] message", is read by neither
		String before = line.replace(": warning: ", ": warning [device.passthrough-dom0] ");
		assertFalse(VSCODE_GCC.matcher(before).matches() || CPPTOOLS_GCC.matcher(before).matches(), before);
	}

	@Test
	void jsonListsEveryDiagnosticOnStandardOutput() throws Exception {
		CliRun r = CliRun.of("check", "--format", "json", system.toString());
		JsonNode a = new ObjectMapper().readTree(r.out);
		assertEquals(1, a.size(), r.out);
		JsonNode d = a.get(0);
		assertEquals(system.toString(), d.get("file").asText());
		assertEquals(3, d.get("line").asInt());
		assertEquals("warning", d.get("severity").asText());
		assertEquals("device.passthrough-dom0", d.get("rule").asText());
		assertTrue(r.err.contains("1 warning(s)"), "the summary goes to standard error: " + r.err);
	}

	@Test
	void sarifIsAValidSarif210LogByMicrosoftsMultitool() throws Exception {
		CliRun r = CliRun.of("check", "--format", "sarif", system.toString());
		JsonNode log = new ObjectMapper().readTree(r.out);
		assertEquals("2.1.0", log.get("version").asText());
		JsonNode result = log.at("/runs/0/results/0");
		assertEquals("device.passthrough-dom0", result.get("ruleId").asText());
		assertEquals("warning", result.get("level").asText());
		assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
		assertEquals("device.passthrough-dom0", log.at("/runs/0/tool/driver/rules/0/id").asText());
		Path sarif = Files.writeString(tmp.resolve("check.sarif"), r.out);
		String verdict = validate(sarif);
		assertTrue(verdict.contains("Analysis completed successfully") && !verdict.contains(": error ") && !verdict.contains(": warning "),
				verdict);
		// negative control: the same log without its version is refused by the same validator
		Path broken = Files.writeString(tmp.resolve("broken.sarif"), r.out.replace("\"version\" : \"2.1.0\",", ""));
		assertTrue(validate(broken).contains("error"), "the validator refuses a log without its version");
	}

	@Test
	void werrorMakesTheWarningAnErrorAndTheRunFail() {
		CliRun r = CliRun.of("check", "--werror", system.toString());
		assertEquals(Main.MODEL_ERRORS, r.exit);
		assertTrue(r.err.contains(": error: domain 'dom0' is dom0"), r.err);
	}

	@Test
	void aRuleCanBeTurnedOffOrMadeAnErrorButAnErrorStaysOne() {
		assertFalse(CliRun.of("check", "-W", "device.passthrough-dom0=off", system.toString()).err.contains("[device.passthrough-dom0]"));
		assertEquals(Main.MODEL_ERRORS, CliRun.of("check", "-W", "device.passthrough-dom0=error", system.toString()).exit);
		CliRun lowered = CliRun.of("check", "-W", "memory.fits=warning", system.toString());
		assertEquals(Main.USAGE, lowered.exit);
		assertTrue(lowered.err.contains("rule 'memory.fits' is an error and stays one"), lowered.err);
		CliRun typo = CliRun.of("check", "-W", "device.pasthrough-dom0=off", system.toString());
		assertEquals(Main.USAGE, typo.exit);
		assertTrue(typo.err.contains("no rule 'device.pasthrough-dom0': did you mean 'device.passthrough-dom0'"), typo.err);
	}

	@Test
	void theNearestProjectFileSetsTheRulesAndTheCommandLineWins() throws Exception {
		Files.writeString(tmp.resolve(".tessera.yaml"), "rules:\n  device.passthrough-dom0: error\n");
		CliRun fromFile = CliRun.of("check", system.toString());
		assertEquals(Main.MODEL_ERRORS, fromFile.exit, fromFile.err);
		CliRun overridden = CliRun.of("check", "-W", "device.passthrough-dom0=off", system.toString());
		assertEquals(Main.OK, overridden.exit, overridden.err);
		assertEquals(Main.OK, CliRun.of("generate", "-W", "device.passthrough-dom0=warning", system.toString(), "-o", tmp.resolve("out").toString()).exit);
		assertEquals(Main.MODEL_ERRORS, CliRun.of("generate", system.toString(), "-o", tmp.resolve("out2").toString()).exit);
		assertFalse(Files.exists(tmp.resolve("out2")), "nothing is written when the project makes the warning an error");
		Files.writeString(tmp.resolve(".tessera.yaml"), "rules:\n  device.passthrough-dom0: off\n");
		CliRun off = CliRun.of("check", system.toString());
		assertEquals(Main.OK, off.exit, off.err);
		assertFalse(off.err.contains("[device.passthrough-dom0]"), "a bare off in YAML turns the rule off: " + off.err);
		Files.writeString(tmp.resolve(".tessera.yaml"), "rule:\n  x: off\n");
		CliRun bad = CliRun.of("check", system.toString());
		assertEquals(Main.USAGE, bad.exit);
		assertTrue(bad.err.contains(".tessera.yaml: unknown setting 'rule': did you mean 'rules'?"), bad.err);
	}

	@Test
	void rulesExplainSaysWhatARuleChecksWithItsExamples() {
		CliRun r = CliRun.of("rules", "--explain", "device.needs");
		assertEquals(0, r.exit, r.err);
		assertTrue(r.out.startsWith("device.needs (warning): A passed-through device goes with the devices it needs"), r.out);
		assertTrue(r.out.contains("Bad:") && r.out.contains("Fixed:") && r.out.contains("passthrough disp, comp, fcp"), r.out);
		CliRun typo = CliRun.of("rules", "--explain", "device.need");
		assertEquals(Main.USAGE, typo.exit);
		assertTrue(typo.err.contains("did you mean 'device.needs'"), typo.err);
	}

	/** Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool, which carries the SARIF 2.1.0 schema), installed once. */
	static String validate(Path sarif) throws Exception {
		Path tool = CliRun.root().resolve("cli/target/sarif-multitool");
		Path bin = tool.resolve("node_modules/.bin/sarif-multitool");
		if (!Files.exists(bin)) {
			Assumptions.assumeTrue(onPath("npm"), "npm installs the SARIF Multitool (scripts/install-tools.sh puts node and npm in place)");
			Files.createDirectories(tool);
			Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", tool.toString(),
					"@microsoft/sarif-multitool@5.7.0").redirectErrorStream(true).start();
			String log = new String(install.getInputStream().readAllBytes());
			assertTrue(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0, "npm install: " + log);
		}
		Process p = new ProcessBuilder(bin.toString(), "validate", sarif.toString()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the multitool did not finish");
		return out;
	}

	static boolean onPath(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":"))
			if (Files.isExecutable(Path.of(dir, program))) return true;
		return false;
	}
}
