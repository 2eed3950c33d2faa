package dev.tessera.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.rules.RuleCatalogue;

/**
 * The parser, the rules and the generators on mutated examples and boards (each board with a system on it;
 * {@link ModelMutator}, a fixed seed): no exception
 * escapes, every diagnostic has a rule id of the catalogue (never "internal") and a position, and no model that passes
 * validation makes dtc or mkimage refuse what Tessera rendered. The suite runs a short, deterministic run;
 * {@code scripts/fuzz.sh} runs longer ones (-Dtessera.fuzz.cases, -Dtessera.fuzz.seed). A failing case is saved under
 * target/fuzz-failures, to become a test of its own.
 */
class MutatedModelsFuzzTest {
	static final long SEED = Long.getLong("tessera.fuzz.seed", 16L);
	static final int CASES = Integer.getInteger("tessera.fuzz.cases", 300);
	static final Set<String> IDS = RuleCatalogue.all().stream().map(RuleInfo::id).collect(Collectors.toSet());

	@TempDir
	Path work;

	@Test
	void mutatedExamplesNeverCrashAlwaysSayWhereAndNeverRenderWhatDtcRefuses() throws Exception {
		List<Path> corpus = new ArrayList<>(ExampleOutputsTest.systems());
		try (var boards = Files.list(ExampleOutputsTest.ROOT.resolve("boards"))) {
			boards.filter(p -> p.toString().endsWith(".tess")).sorted().forEach(corpus::add);
		}
		ModelMutator mutator = new ModelMutator(SEED);
		List<String> failures = new ArrayList<>();
		int accepted = 0, diagnosed = 0, boards = 0, boardsGenerated = 0;
		Set<String> reached = new java.util.TreeSet<>();
		long start = System.nanoTime();
		for (int i = 0; i < CASES; i++) {
			Path origin = corpus.get(mutator.pick(corpus.size()));
			String mutant = mutator.mutate(Files.readString(origin));
			// beside nothing else: imports resolve from the board library only, as the examples' do
			Path dir = Files.createDirectories(work.resolve("case" + i));
			Path file = dir.resolve(origin.getFileName());
			Files.writeString(file, mutant);
			boolean board = origin.getParent().getFileName().toString().equals("boards");
			if (board) {
				file = systemOn(file, mutant, origin, mutator);
				boards++;
			}
			String problem = problem(file, dir.resolve("out"), reached);
			if (problem == null) continue;
			if (problem.isEmpty()) {
				accepted++;
				if (board) boardsGenerated++;
				continue;
			}
			if (problem.equals("diagnosed")) {
				diagnosed++;
				continue;
			}
			failures.add("case " + i + " (" + origin.getFileName() + "): " + problem);
			Path saved = ExampleOutputsTest.ROOT.resolve("pipeline/target/fuzz-failures/seed" + SEED + "-case" + i + ".tess");
			Files.createDirectories(saved.getParent());
			Files.writeString(saved, mutant);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		java.lang.System.out.printf("[fuzz] seed %d: %d cases (%d on mutated boards) in %.1f s, %d generated (%d on boards), %d refused "
				+ "with diagnostics, %d rules reached, %d failures%n  rules: %s%n", SEED, CASES, boards, seconds, accepted, boardsGenerated,
				diagnosed, reached.size(), failures.size(), reached);
		assertEquals(List.of(), failures);
		assertTrue(accepted > 0 && diagnosed > 0, "the mutations reach both generation and the rules");
		assertTrue(reached.size() >= 10, "the mutations reach the model rules, not only the parser: " + reached);
	}

	private static final java.util.regex.Pattern BOARD = java.util.regex.Pattern.compile("(?m)^board ([A-Za-z_][A-Za-z0-9_-]*)");
	private static final java.util.regex.Pattern DEVICE = java.util.regex.Pattern.compile("(?m)^\\s*device ([A-Za-z_][A-Za-z0-9_-]*)( uart)?");

	/**
	 * A mutated board gets a system of its own beside it, with the board's device tree: dom0 and a domain Xen starts
	 * that is given one of the board's devices, so the board reaches the rules and the generators.
	 */
	private static Path systemOn(Path board, String text, Path origin, ModelMutator mutator) throws java.io.IOException {
		Path dts = origin.resolveSibling(origin.getFileName().toString().replace(".tess", ".dts"));
		if (Files.exists(dts)) Files.copy(dts, board.resolveSibling(dts.getFileName()));
		// a name of its own: a local board named like a shipped one does not link the way the system means
		java.util.regex.Matcher b = BOARD.matcher(text);
		String name = "none";
		if (b.find()) {
			name = "fuzz-" + b.group(1);
			Files.writeString(board, text.substring(0, b.start(1)) + name + text.substring(b.end(1)));
		}
		List<String> devices = new ArrayList<>();
		String uart = null;
		java.util.regex.Matcher d = DEVICE.matcher(text);
		while (d.find()) {
			devices.add(d.group(1));
			if (uart == null && d.group(2) != null) uart = d.group(1);
		}
		String passthrough = devices.isEmpty() ? "" : " passthrough " + devices.get(mutator.pick(devices.size()));
		Path system = board.resolveSibling("system.tess");
		Files.writeString(system, "import \"" + board.getFileName() + "\"\nsystem fuzz on " + name + " {\n"
				+ "\txen 4.17 { " + (uart == null ? "" : "console " + uart + " ") + "image \"xen\" max 4M }\n"
				+ "\tdomain dom0 control { memory 256M kernel \"Image\" max 40M }\n"
				+ "\tdomain guest at-boot { memory 64M kernel \"Image\" max 40M" + passthrough + " }\n}\n");
		return system;
	}

	/** "" when the mutant generated, "diagnosed" when diagnostics stopped it properly, else what went wrong. */
	private static String problem(Path file, Path out, Set<String> reached) {
		Pipeline.Outcome o;
		try {
			o = new Pipeline().generate(new Pipeline.Request(file, null, null, out));
		} catch (Throwable t) {
			StringWriter w = new StringWriter();
			t.printStackTrace(new PrintWriter(w));
			return "exception " + w.toString().lines().limit(8).collect(Collectors.joining("\n  "));
		}
		for (Diagnostic d : o.diagnostics()) {
			reached.add(d.ruleId());
			if (d.ruleId() == null || !IDS.contains(d.ruleId()) || d.ruleId().equals(RuleCatalogue.INTERNAL.id()))
				return "a diagnostic without a rule of the catalogue: " + d.format();
			if (d.line() < 1 || d.column() < 1) return "a diagnostic without a position: " + d.format();
			if (d.message() == null || d.message().isBlank() || d.message().contains("Exception") || d.message().contains("For input string"))
				return "a diagnostic that says no more than a Java exception: " + d.format();
		}
		if (o.stop() != null && o.stop().reason() == Pipeline.Stop.Reason.TOOL_FAILED)
			return "validation passed but a tool refused the output: " + o.stop();
		return o.failed() ? "diagnosed" : "";
	}
}
