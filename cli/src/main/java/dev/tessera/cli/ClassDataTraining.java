package dev.tessera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the launcher runs once per build and JDK under {@code -XX:ArchiveClassesAtExit}: a generate and a check of
 * each system file given, in one JVM, so the class-data archive holds the classes those commands load and later
 * runs map them instead of loading, verifying and linking them again. Not a user command.
 */
final class ClassDataTraining {
	private ClassDataTraining() {
	}

	public static void main(String[] systemFiles) throws IOException {
		Path tmp = Files.createTempDirectory("tessera-cds-training");
		try {
			int i = 0;
			for (String f : systemFiles) {
				Main.run("generate", f, "-o", tmp.resolve("out" + i++).toString());
				Main.run("check", f);
			}
		} finally {
			try (Stream<Path> all = Files.walk(tmp)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
