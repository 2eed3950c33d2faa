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
}
