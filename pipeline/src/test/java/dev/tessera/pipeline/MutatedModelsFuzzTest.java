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
 * The parser, the rules and the generators on mutated examples ({@link ModelMutator}, a fixed seed): no exception
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
		List<Path> corpus = ExampleOutputsTest.systems();
		ModelMutator mutator = new ModelMutator(SEED);
		List<String> failures = new ArrayList<>();
		int accepted = 0, diagnosed = 0;
		Set<String> reached = new java.util.TreeSet<>();
		long start = System.nanoTime();
		for (int i = 0; i < CASES; i++) {
			Path origin = corpus.get(mutator.pick(corpus.size()));
			String mutant = mutator.mutate(Files.readString(origin));
			// beside nothing else: imports resolve from the board library only, as the examples' do
			Path dir = Files.createDirectories(work.resolve("case" + i));
			Path file = dir.resolve(origin.getFileName());
			Files.writeString(file, mutant);
			String problem = problem(file, dir.resolve("out"), reached);
			if (problem == null) continue;
			if (problem.isEmpty()) {
				accepted++;
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
		java.lang.System.out.printf("[fuzz] seed %d: %d cases in %.1f s, %d generated, %d refused with diagnostics, %d rules reached, "
				+ "%d failures%n  rules: %s%n", SEED, CASES, seconds, accepted, diagnosed, reached.size(), failures.size(), reached);
		assertEquals(List.of(), failures);
		assertTrue(accepted > 0 && diagnosed > 0, "the mutations reach both generation and the rules");
		assertTrue(reached.size() >= 10, "the mutations reach the model rules, not only the parser: " + reached);
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
			if (d.message() == null || d.message().isBlank() || d.message().contains("Exception"))
				return "a diagnostic that says no more than a Java exception: " + d.format();
		}
		if (o.stop() != null && o.stop().reason() == Pipeline.Stop.Reason.TOOL_FAILED)
			return "validation passed but a tool refused the output: " + o.stop();
		return o.failed() ? "diagnosed" : "";
	}
}
