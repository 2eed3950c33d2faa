package dev.tessera.generators.output;

import java.nio.file.Path;

/**
 * A separate JVM that writes complete generations of output with the real {@link StagedOutput}, for tests that kill
 * it with SIGKILL: {@code TARGET LABEL STOP-STEP} commits one generation and, at STOP-STEP, says so and waits to be
 * killed; {@code TARGET loop} commits generation after generation until killed.
 */
public final class CommittingProcess {
	static final int FILES = 40;

	public static void main(String[] args) throws Exception {
		Path target = Path.of(args[0]);
		if (args[1].equals("loop")) {
			for (int generation = 0;; generation++) commit(target, "generation " + generation);
		}
		String stop = args.length > 2 ? args[2] : "";
		StagedOutput.steps = step -> {
			if (!step.equals(stop)) return;
			System.out.println("AT " + step);
			System.out.flush();
			try {
				Thread.sleep(Long.MAX_VALUE);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		};
		commit(target, args[1]);
	}

	private static void commit(Path target, String label) {
		try (StagedOutput out = new StagedOutput(target)) {
			for (int i = 0; i < FILES; i++) out.write("part-" + i + ".txt", label);
			out.commit();
		}
	}
}
