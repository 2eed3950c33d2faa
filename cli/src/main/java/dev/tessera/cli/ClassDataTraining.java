package dev.tessera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the launcher runs once per build and JDK to make its class cache (JDK 17 to 24: under
 * {@code -XX:DumpLoadedClassList}, for a static class-data archive; JDK 25 and later: under
 * {@code -XX:AOTCacheOutput}): a generate and a check of each system file given, through the CLI's own entry
 * ({@link Main#run}: its fast path), then a generate and a check of the first through picocli, as every other
 * command line is read, in one JVM, so the cache holds the classes those commands load (picocli's too: its
 * Java 5 class files would otherwise be read and verified again by every --version, rules or help) and later runs
 * map them instead of loading, parsing and linking them again. Not a user command.
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
			if (systemFiles.length > 0) {
				String[] generate = { "generate", systemFiles[0], "-o", tmp.resolve("picocli").toString() }, check = { "check", systemFiles[0] };
				Main.commandLine(generate).execute(generate);
				Main.commandLine(check).execute(check);
			}
		} finally {
			try (Stream<Path> all = Files.walk(tmp)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
