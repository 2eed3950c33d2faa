package dev.tessera.generators.output;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real process committing output, killed with SIGKILL at each step of the commit and at random instants. */
@Timeout(120)
class KilledCommitTest {
	@TempDir
	Path tmp;

	@Test
	void killedAfterStagingTheOutputPathStillHoldsTheCompleteOldOutput() throws Exception {
		Path target = tmp.resolve("out");
		run(target, "old", "");
		killAt(target, "new", "staged");
		assertEquals("old", generation(target));
	}

	@Test
	void killedRightAfterTheExchangeTheOutputPathHoldsTheCompleteNewOutputAndTheNextRunClearsTheRest() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(DirectoryExchange.swap(Files.createDirectory(tmp.resolve("a")),
				Files.createDirectory(tmp.resolve("b"))), "this system has no directory exchange");
		Files.delete(tmp.resolve("a"));
		Files.delete(tmp.resolve("b"));
		Path target = tmp.resolve("out");
		run(target, "old", "");
		killAt(target, "new", "swapped");
		assertEquals("new", generation(target));
		run(target, "newer", "");
		assertEquals("newer", generation(target));
		assertEquals(Set.of("out"), names(tmp), "what the killed run left is gone");
	}

	@Test
	void withoutTheExchangeAKillBetweenTheRenamesIsRepairedByTheNextRun() throws Exception {
		Path target = tmp.resolve("out");
		run(target, "old", "");
		killAt(target, "new", "old-moved-away", "-Dtessera.output.noExchange=true");
		assertFalse(Files.exists(target), "the fallback's known gap: no output folder until the next run");
		new StagedOutput(target).close();
		assertEquals("new", generation(target));
	}

	@Test
	void killedAtRandomInstantsTheOutputPathAlwaysHoldsOneCompleteGeneration() throws Exception {
		Path target = tmp.resolve("out");
		run(target, "first", "");
		Random random = new Random(20261205);
		Set<String> seen = new TreeSet<>();
		for (int kill = 0; kill < 12; kill++) {
			Process p = start(target, List.of("loop"), List.of());
			Thread.sleep(400 + random.nextInt(600)); // the JVM starts in about 0.3 s, then commits without pause
			p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			seen.add(generation(target));
		}
		assertTrue(seen.size() > 1, "the loop committed between kills: " + seen);
	}

	/** The one label every file carries; fails when a file is missing or two generations are mixed. */
	private static String generation(Path target) throws Exception {
		assertTrue(Files.isDirectory(target), "no output folder at " + target);
		Set<String> labels = new TreeSet<>();
		for (int i = 0; i < CommittingProcess.FILES; i++) {
			Path f = target.resolve("part-" + i + ".txt");
			assertTrue(Files.exists(f), "incomplete output: " + f.getFileName() + " missing");
			labels.add(Files.readString(f));
		}
		try (var files = Files.list(target)) {
			assertEquals(CommittingProcess.FILES, files.count(), "extra files in the output");
		}
		assertEquals(1, labels.size(), "mixed generations: " + labels);
		return labels.iterator().next();
	}

	private static Set<String> names(Path dir) throws Exception {
		try (var files = Files.list(dir)) {
			return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
		}
	}

	private static void run(Path target, String label, String stop) throws Exception {
		Process p = start(target, List.of(label, stop), List.of());
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue());
	}

	private static void killAt(Path target, String label, String step, String... jvmFlags) throws Exception {
		Process p = start(target, List.of(label, step), List.of(jvmFlags));
		try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			assertEquals("AT " + step, out.readLine(), "the process did not reach " + step);
		}
		p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
		assertTrue(p.waitFor(10, TimeUnit.SECONDS));
	}

	private static Process start(Path target, List<String> args, List<String> jvmFlags) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmFlags);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(CommittingProcess.class.getName());
		command.add(target.toString());
		command.addAll(args);
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}
}
