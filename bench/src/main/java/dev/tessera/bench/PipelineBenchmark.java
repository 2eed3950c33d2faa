package dev.tessera.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.tessera.pipeline.Pipeline;
import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.Severity;
import dev.tessera.dsl.load.ModelLoader;

/**
 * The headless pipeline, warm: (a) parse + validate ({@link Pipeline#check}) and (b) parse + validate + resolve +
 * generate into a fresh output folder ({@link Pipeline#generate}, which runs dtc and mkimage), for the shipped
 * example and for synthetic systems of 1, 10 and 100 domains on qemu-virt.
 *
 * <p>A broken pipeline must not produce numbers: the trial setup runs both operations once and throws when
 * anything reports an error, and every iteration's teardown checks the last outcome the measured code produced.
 *
 * <p>The repository root (for {@code examples/ivi/cockpit.tess}) comes from {@code -Dtessera.root=DIR}; without
 * it, the working folder or its parent, whichever holds {@code examples/}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class PipelineBenchmark {
	static final String EXAMPLE = "examples/ivi/cockpit.tess";

	/** {@code cockpit}: the shipped example; a number: a synthetic system with that many domains. */
	@Param({ "cockpit", "1", "10", "100" })
	public String system;

	private Pipeline pipeline;
	private Path work;
	private Path systemFile;

	/** The last outcomes the measured code produced, checked after each iteration. */
	private volatile Pipeline.Outcome lastGenerate;
	private volatile List<ModelLoader.Loaded> lastCheck;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		work = Files.createTempDirectory("tessera-bench-");
		try {
			if (system.equals("cockpit")) {
				systemFile = repositoryRoot().resolve(EXAMPLE);
			} else {
				int domains = Integer.parseInt(system);
				systemFile = work.resolve("synthetic-" + domains + ".tess");
				Files.writeString(systemFile, syntheticSystem(domains));
			}
			pipeline = new Pipeline();
			// once before any timing: both operations must succeed, or there is nothing worth measuring
			requireClean(pipeline.check(List.of(systemFile)));
			Path probe = work.resolve("probe-output");
			requireClean(pipeline.generate(new Pipeline.Request(systemFile, null, null, probe)));
			deleteTree(probe);
		} catch (IOException | RuntimeException e) {
			deleteTree(work); // JMH skips the trial teardown when the set-up fails
			work = null;
			throw e;
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (work != null) deleteTree(work);
	}

	/**
	 * A fresh, not yet existing output folder for each generate call, chosen before and deleted after the call,
	 * outside the measured time. Its own state so that check() carries no per-invocation fixture.
	 */
	@State(Scope.Thread)
	public static class Output {
		private Path parent;
		private Path dir;
		private long runs;

		@Setup(Level.Trial)
		public void createParent() throws IOException {
			parent = Files.createTempDirectory("tessera-bench-out-");
		}

		@Setup(Level.Invocation)
		public void fresh() {
			dir = parent.resolve("out-" + (runs++));
		}

		@TearDown(Level.Invocation)
		public void drop() {
			if (dir != null) deleteTree(dir);
		}

		@TearDown(Level.Trial)
		public void deleteParent() {
			if (parent != null) deleteTree(parent);
		}
	}

	@TearDown(Level.Iteration)
	public void verifyIteration() {
		if (lastCheck != null) requireClean(lastCheck);
		if (lastGenerate != null) requireClean(lastGenerate);
		lastCheck = null;
		lastGenerate = null;
	}

	/** (a) parse + validate. */
	@Benchmark
	public List<ModelLoader.Loaded> check() {
		List<ModelLoader.Loaded> loaded = pipeline.check(List.of(systemFile));
		lastCheck = loaded;
		return loaded;
	}

	/** (b) parse + validate + resolve + generate (FreeMarker, dtc, mkimage) into a fresh folder. */
	@Benchmark
	public Pipeline.Outcome generate(Output output) {
		Pipeline.Outcome outcome = pipeline.generate(new Pipeline.Request(systemFile, null, null, output.dir));
		lastGenerate = outcome;
		return outcome;
	}

	// ------------------------------------------------------------------------------------------------------------

	/**
	 * One dom0 control domain and {@code domains - 1} at-boot domains of 16 MiB on qemu-virt (2 CPUs, 2 GiB):
	 * 256 MiB + 99 x 16 MiB fits. Every domain boots the same kernel file name, so the boot modules dedupe;
	 * vcpus and command lines vary.
	 */
	static String syntheticSystem(int domains) {
		if (domains < 1) throw new IllegalArgumentException("a system needs at least dom0: " + domains);
		StringBuilder s = new StringBuilder();
		s.append("// generated by dev.tessera.bench.PipelineBenchmark: dom0 + ").append(domains - 1).append(" at-boot domains\n");
		s.append("system synthetic").append(domains).append(" on qemu-virt {\n");
		s.append("\txen 4.17 {\n\t\tconsole uart0\n\t\timage \"xen\" max 4M\n\t}\n\n");
		s.append("\tdomain dom0 control {\n")
				.append("\t\tos linux\n")
				.append("\t\tmemory 256M\n")
				.append("\t\tvcpus 1\n")
				.append("\t\tkernel \"Image\" max 16M\n")
				.append("\t\tcmdline \"console=hvc0 earlycon=xen rdinit=/init\"\n")
				.append("\t}\n");
		for (int i = 1; i < domains; i++) {
			s.append("\n\tdomain d").append(i).append(" at-boot {\n")
					.append("\t\tos linux\n")
					.append("\t\tmemory 16M\n")
					.append("\t\tvcpus ").append(1 + i % 2).append('\n')
					.append("\t\tkernel \"Image\" max 16M\n")
					.append("\t\tcmdline \"console=hvc0 rdinit=/init loglevel=").append(i % 8)
					.append(" tessera.domain=").append(i).append("\"\n")
					.append("\t}\n");
		}
		s.append("}\n");
		return s.toString();
	}

	static Path repositoryRoot() {
		String prop = System.getProperty("tessera.root");
		if (prop != null && !prop.isBlank()) {
			Path root = Path.of(prop).toAbsolutePath().normalize();
			if (!Files.isRegularFile(root.resolve(EXAMPLE)))
				throw new IllegalStateException("-Dtessera.root=" + prop + " holds no " + EXAMPLE);
			return root;
		}
		Path cwd = Path.of("").toAbsolutePath();
		for (Path candidate : new Path[] { cwd, cwd.getParent() })
			if (candidate != null && Files.isDirectory(candidate.resolve("examples")) && Files.isRegularFile(candidate.resolve(EXAMPLE)))
				return candidate;
		throw new IllegalStateException("cannot find " + EXAMPLE + " from " + cwd + ": run from the repository root or bench/, "
				+ "or pass -Dtessera.root=DIR");
	}

	static void requireClean(List<ModelLoader.Loaded> loaded) {
		for (ModelLoader.Loaded l : loaded) {
			if (l.model() == null || l.hasErrors())
				throw new IllegalStateException("check of " + l.path() + " failed:\n" + errors(l.diagnostics()));
		}
	}

	static void requireClean(Pipeline.Outcome outcome) {
		if (outcome.failed()) throw new IllegalStateException("generate failed:\n" + errors(outcome.diagnostics()));
		if (outcome.artifacts().isEmpty()) throw new IllegalStateException("generate reported no error but wrote no file");
	}

	private static String errors(List<Diagnostic> diagnostics) {
		return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::format)
				.collect(Collectors.joining("\n"));
	}

	static void deleteTree(Path root) {
		if (!Files.exists(root)) return;
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
					if (e != null) throw e;
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
