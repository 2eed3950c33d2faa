package dev.tessera.boot.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.tessera.boot.marker.ExpectedMarker;

/**
 * The runner's stopping rules, with a fake {@code qemu-system-aarch64} (a bash script that writes
 * to the {@code -serial file:} log it is given): it must stop as soon as the result is known,
 * never hang, and leave no process behind.
 */
class QemuRunnerTest {

	@TempDir
	Path tmp;

	final QemuRunner runner = new QemuRunner(Duration.ofMillis(50), 20, Duration.ofSeconds(2));

	/** A fake QEMU: finds its serial log, records its pid, then runs {@code body}. */
	Path fakeQemu(String name, String body) throws IOException {
		Path script = tmp.resolve(name);
		Files.writeString(script, "#!/bin/bash\n"
				+ "log=\n"
				+ "while [ $# -gt 0 ]; do if [ \"$1\" = -serial ]; then log=\"${2#file:}\"; shift; fi; shift; done\n"
				+ "echo $$ > \"$(dirname \"$log\")/fake.pid\"\n"
				+ body + "\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		return script;
	}

	QemuBoot.Builder boot(Path fake) {
		return QemuBoot.direct(Paths.get("xen"), Paths.get("host.dtb")).qemuBinary(fake.toString())
				.expectUpAndDone("dom0", "domU1");
	}

	void assertGone(Path workDir) throws IOException {
		long pid = Long.parseLong(Files.readString(workDir.resolve("fake.pid")).trim());
		Optional<ProcessHandle> p = ProcessHandle.of(pid);
		assertFalse(p.isPresent() && p.get().isAlive(), "fake QEMU " + pid + " still runs");
	}

	@Test
	void stopsAsSoonAsEveryMarkerWasSeen() throws IOException {
		Path fake = fakeQemu("markers", String.join("\n",
				"printf '(XEN) DOM1: TESS-UP name=domU1\\r\\n' >> \"$log\"",
				"echo 'TESS-UP name=dom0' >> \"$log\"",
				"echo 'TESS-DONE name=dom0' >> \"$log\"",
				"sleep 0.3",
				"printf '(XEN) DOM1: TESS-DONE name=domU1\\r\\n' >> \"$log\"",
				"exec sleep 600"));
		Path dir = tmp.resolve("w1");
		BootResult r = runner.run(boot(fake).timeout(Duration.ofMinutes(1)).build(), dir);
		assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
		assertTrue(r.elapsed().compareTo(Duration.ofSeconds(20)) < 0, r::describe);
		assertTrue(r.exitCode().isEmpty(), "QEMU was stopped, not exited: " + r.describe());
		assertEquals(4, r.seen().size());
		assertTrue(r.serialTail().contains("TESS-DONE name=domU1"), r::describe);
		assertGone(dir);
	}

	@Test
	void reportsMissingMarkersWhenTheTimeLimitPasses() throws IOException {
		Path fake = fakeQemu("half", "echo 'TESS-UP name=dom0' >> \"$log\"\nexec sleep 600");
		Path dir = tmp.resolve("w2");
		BootResult r = runner.run(boot(fake).timeout(Duration.ofSeconds(2)).build(), dir);
		assertEquals(BootResult.Outcome.TIMED_OUT, r.outcome(), r::describe);
		assertEquals(List.of(ExpectedMarker.up("dom0")), r.seen());
		assertEquals(List.of(ExpectedMarker.done("dom0"), ExpectedMarker.up("domU1"), ExpectedMarker.done("domU1")),
				r.missing());
		assertTrue(r.elapsed().compareTo(Duration.ofSeconds(10)) < 0, r::describe);
		assertGone(dir);
	}

	@Test
	void qemuExitingByItselfEndsTheRunWithItsExitCodeAndOutput() throws IOException {
		Path fake = fakeQemu("exits", String.join("\n",
				"echo 'TESS-UP name=dom0' >> \"$log\"",
				"printf 'TESS-DONE name=dom0' >> \"$log\"", // no newline: the last line still counts
				"echo 'qemu-system-aarch64: Some ROM regions are overlapping' >&2",
				"exit 3"));
		Path dir = tmp.resolve("w3");
		BootResult r = runner.run(boot(fake).timeout(Duration.ofMinutes(1)).build(), dir);
		assertEquals(BootResult.Outcome.QEMU_EXITED, r.outcome(), r::describe);
		assertEquals(3, r.exitCode().orElseThrow());
		assertTrue(r.qemuOutput().contains("overlapping"), r::describe);
		assertTrue(r.saw(ExpectedMarker.done("dom0")), r::describe);
		assertEquals(List.of(ExpectedMarker.up("domU1"), ExpectedMarker.done("domU1")), r.missing());
	}

	@Test
	void aFailureLineStopsTheRunAtOnce() throws IOException {
		Path fake = fakeQemu("panics", "echo '(XEN) Panic on CPU 0:' >> \"$log\"\nexec sleep 600");
		Path dir = tmp.resolve("w4");
		BootResult r = runner.run(boot(fake).failOn("Panic on CPU").timeout(Duration.ofMinutes(1)).build(), dir);
		assertEquals(BootResult.Outcome.FAILURE_SEEN, r.outcome(), r::describe);
		assertEquals("(XEN) Panic on CPU 0:", r.failure().orElseThrow());
		assertGone(dir);
	}

	@Test
	void aQemuThatIgnoresSigtermIsKilled() throws IOException {
		Path fake = fakeQemu("stubborn", "trap '' TERM\nwhile true; do sleep 0.2; done");
		Path dir = tmp.resolve("w5");
		BootResult r = runner.run(boot(fake).timeout(Duration.ofSeconds(1)).build(), dir);
		assertEquals(BootResult.Outcome.TIMED_OUT, r.outcome(), r::describe);
		assertGone(dir);
	}

	@Test
	void keepsWaitingForExitWhenAsked() throws IOException {
		Path fake = fakeQemu("poweroff", String.join("\n",
				"for m in 'TESS-UP name=dom0' 'TESS-DONE name=dom0' 'TESS-UP name=domU1' 'TESS-DONE name=domU1'; do",
				"  echo \"$m\" >> \"$log\"; done",
				"sleep 1", "exit 0"));
		Path dir = tmp.resolve("w6");
		BootResult r = runner.run(boot(fake).stopWhenAllSeen(false).timeout(Duration.ofMinutes(1)).build(), dir);
		assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), r::describe);
		assertEquals(0, r.exitCode().orElseThrow(), r::describe);
		assertTrue(r.elapsed().compareTo(Duration.ofMillis(900)) > 0, r::describe);
	}

	@Test
	void aMissingBinaryIsAStartFailure() throws IOException {
		BootResult r = runner.run(boot(tmp.resolve("no-such-qemu")).timeout(Duration.ofSeconds(5)).build(),
				tmp.resolve("w7"));
		assertEquals(BootResult.Outcome.START_FAILED, r.outcome(), r::describe);
		assertEquals(4, r.missing().size());
	}
}
