package dev.tessera.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real programs (sh, printf, sleep, cat, pwd) by their argument lists: no mocks. */
class ExternalProgramTest {
	private static final ExternalProgram SH = new ExternalProgram("sh", "dash");

	@Test
	void aMissingProgramGivesAnErrorNamingItAndItsDebianPackage() {
		ExternalProgram missing = new ExternalProgram("tessera-no-such-program", "some-debian-package");
		ProgramNotInstalledException e = assertThrows(ProgramNotInstalledException.class, () -> missing.run(null, "--version"));
		assertEquals("tessera-no-such-program is not installed (or not on PATH): Tessera needs it. On Debian or Ubuntu: "
				+ "sudo apt-get install some-debian-package", e.getMessage());
		assertEquals("tessera-no-such-program", e.program());
		assertEquals("some-debian-package", e.debianPackage());
	}

	@Test
	void argumentsWithSpacesQuotesAndSemicolonsReachTheProgramVerbatim(@TempDir Path dir) {
		// a shell would expand, split or execute these; they reach the program as they are
		String tricky = "a b; echo injected $HOME `id` \"q\" 'x' | > out.txt";
		assertEquals(tricky, new ExternalProgram("printf", "coreutils").run(dir, "%s", tricky).stdout());
		// and every argument stays one argument
		ExternalProgram.Result r = SH.run(dir, "-c", "for a; do printf '[%s]' \"$a\"; done", "sh", "a b", "c;d", "", "\"e\"", "*");
		assertEquals("[a b][c;d][][\"e\"][*]", r.stdout());
		assertFalse(dir.resolve("out.txt").toFile().exists(), "nothing was redirected");
	}

	@Test
	void aNonZeroExitIsAnAnswerWithWhatTheProgramWroteToStderr(@TempDir Path dir) {
		ExternalProgram.Result r = SH.run(dir, "-c", "echo said; echo 'broken input' >&2; exit 3");
		assertEquals(3, r.exitCode());
		assertEquals("said\n", r.stdout());
		assertEquals("broken input\n", r.stderr());
		assertFalse(r.succeeded());
		IOException e = assertThrows(IOException.class, r::requireSuccess);
		assertEquals("sh -c echo said; echo 'broken input' >&2; exit 3 exited 3:\nsaid\nbroken input\n", e.getMessage());
	}

	@Test
	void aZeroExitSucceeds(@TempDir Path dir) throws IOException {
		ExternalProgram.Result r = SH.run(dir, "-c", "echo fine").requireSuccess();
		assertEquals(0, r.exitCode());
		assertEquals("fine\n", r.output());
		assertEquals(List.of("sh", "-c", "echo fine"), r.command());
	}

	@Test
	void aRunPastItsTimeLimitIsKilledAndDoesNotHang(@TempDir Path dir) {
		long t0 = System.nanoTime();
		ExternalProgram.Result r = new ExternalProgram("sleep", "coreutils").withTimeout(Duration.ofMillis(300)).run(dir, "30");
		long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
		assertTrue(seconds < 10, "took " + seconds + " s");
		assertTrue(r.timedOut());
		assertFalse(r.succeeded());
		IOException e = assertThrows(IOException.class, r::requireSuccess);
		assertTrue(e.getMessage().startsWith("sleep 30 exited " + r.exitCode() + " (killed at its time limit):"), e.getMessage());
	}

	@Test
	void theTimeLimitAlsoKillsWhatTheProgramStarted(@TempDir Path dir) {
		// sh waits for its sleep, which holds the output open: killing sh alone would leave the run waiting 30 s
		long t0 = System.nanoTime();
		ExternalProgram.Result r = SH.withTimeout(Duration.ofMillis(500)).run(dir, "-c", "sleep 30; echo never");
		long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
		assertTrue(seconds < 10, "took " + seconds + " s");
		assertTrue(r.timedOut());
		assertEquals("", r.stdout());
	}

	@Test
	void theEnvironmentIsThisJvmsWithLcAllCAndWhatIsAdded(@TempDir Path dir) {
		ExternalProgram.Result r = SH.withEnvironment("SOURCE_DATE_EPOCH", "0").run(dir, "-c",
				"printf '%s|%s|%s' \"$LC_ALL\" \"$SOURCE_DATE_EPOCH\" \"$PATH\"");
		assertEquals("C|0|" + System.getenv("PATH"), r.stdout());
		assertEquals("C||", SH.run(dir, "-c", "printf '%s|%s|' \"$LC_ALL\" \"$SOURCE_DATE_EPOCH\"").stdout(),
				"what one copy adds, the original does not have");
	}

	@Test
	void itRunsInTheGivenWorkingDirectoryOrThisJvms(@TempDir Path dir) throws IOException {
		assertEquals(dir.toRealPath().toString(), new ExternalProgram("pwd", "coreutils").run(dir).stdout().strip());
		assertEquals(Path.of("").toRealPath().toString(), new ExternalProgram("pwd", "coreutils").run(null).stdout().strip());
	}

	@Test
	void standardInputIsEmptySoAProgramReadingItDoesNotWait(@TempDir Path dir) {
		ExternalProgram.Result r = new ExternalProgram("cat", "coreutils").withTimeout(Duration.ofSeconds(20)).run(dir);
		assertFalse(r.timedOut());
		assertEquals(0, r.exitCode());
		assertEquals("", r.stdout());
	}
}
