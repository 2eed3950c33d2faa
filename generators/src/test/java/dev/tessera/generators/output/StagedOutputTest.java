package dev.tessera.generators.output;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {
	@TempDir
	Path tmp;

	@Test
	void pathsThatLeaveTheOutputFolderAreRefused() {
		try (StagedOutput out = new StagedOutput(tmp.resolve("out"))) {
			assertThrows(IllegalArgumentException.class, () -> out.write("../escape.txt", "x"));
			assertThrows(IllegalArgumentException.class, () -> out.write("a/../../escape.txt", "x"));
			assertThrows(IllegalArgumentException.class, () -> out.write("/etc/passwd", "x"));
		}
		assertFalse(Files.exists(tmp.resolve("escape.txt")));
	}

	@Test
	void nothingAppearsUntilCommitAndAnAbandonedRunLeavesNoTrace() throws Exception {
		Path target = tmp.resolve("out");
		try (StagedOutput out = new StagedOutput(target)) {
			out.write("a/b.txt", "content");
			assertFalse(Files.exists(target));
		}
		try (var files = Files.list(tmp)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void commitReplacesTheOldOutputAsAWhole() throws Exception {
		Path target = tmp.resolve("out");
		Files.createDirectories(target);
		Files.writeString(target.resolve("stale.txt"), "old");
		try (StagedOutput out = new StagedOutput(target)) {
			out.write("new.txt", "new");
			out.commit();
		}
		assertEquals("new", Files.readString(target.resolve("new.txt")));
		assertFalse(Files.exists(target.resolve("stale.txt")));
		try (var files = Files.list(tmp)) {
			assertEquals(1, files.count(), "no staging or old folder left");
		}
	}

	/** The states a kill -9 inside commit() leaves, rebuilt by hand: the next run puts a complete output back first. */
	@Test
	void aRunKilledBetweenTheRenamesIsRepairedByTheNextRun() throws Exception {
		Path target = tmp.resolve("out");
		// killed after the old output was moved away, before the ready one was moved in: the new output wins
		Files.createDirectories(tmp.resolve(".out.old-1"));
		Files.writeString(tmp.resolve(".out.old-1/boot.scr"), "old");
		Files.createDirectories(tmp.resolve(".out.ready-2"));
		Files.writeString(tmp.resolve(".out.ready-2/boot.scr"), "new");
		new StagedOutput(target).close();
		assertEquals("new", Files.readString(target.resolve("boot.scr")));
		try (var files = Files.list(tmp)) {
			assertEquals(1, files.count(), "the old folder is gone");
		}
	}

	@Test
	void aRunKilledBeforeTheNewOutputWasCompleteGetsTheOldOneBack() throws Exception {
		Path target = tmp.resolve("out");
		// only an old folder: the kill came before any ready folder existed, or after it was moved in and removed
		Files.createDirectories(tmp.resolve(".out.old-1"));
		Files.writeString(tmp.resolve(".out.old-1/boot.scr"), "old");
		new StagedOutput(target).close();
		assertEquals("old", Files.readString(target.resolve("boot.scr")));
	}

	@Test
	void stagingFoldersOfKilledRunsAreRemovedAndALiveRunsAreKept() throws Exception {
		Path target = tmp.resolve("out");
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Path killed = Files.createDirectories(tmp.resolve(".out.tessera-" + gone.pid() + "-1"));
		Path ancient = Files.createDirectories(tmp.resolve(".out.tessera-" + ProcessHandle.current().pid() + "-2"));
		Files.setLastModifiedTime(ancient, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - StagedOutput.STALE_AFTER_MS - 1000));
		Path live = Files.createDirectories(tmp.resolve(".out.tessera-" + ProcessHandle.current().pid() + "-3"));
		new StagedOutput(target).close();
		assertFalse(Files.exists(killed), "its process is gone");
		assertFalse(Files.exists(ancient), "too old to be a live run's, whatever its number says");
		assertTrue(Files.exists(live), "a run writing now keeps its staging folder");
	}
}
