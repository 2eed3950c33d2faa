package dev.tessera.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.Watchdog;

/**
 * An external program Tessera runs (dtc, mkimage, cpp, QEMU, ...), through Commons Exec: the program and an argument
 * list, never a shell, so no file name or value is ever interpreted by one. Every run has a time limit (two minutes
 * unless {@link #withTimeout} says otherwise), the environment of this JVM with {@code LC_ALL=C} (plus what
 * {@link #withEnvironment} adds), an empty standard input, and captures standard output and error apart.
 * <p>
 * A program that cannot be started (not installed, not on {@code PATH}) throws {@link ProgramNotInstalledException},
 * which names the Debian package to install. A program that runs and exits with an error is not an exception: the
 * {@link Result} carries its exit code and output, and {@link Result#requireSuccess()} turns it into one.
 * <p>
 * Instances are immutable: {@code with...} returns a copy.
 */
public final class ExternalProgram {
	/** How long a run may take unless {@link #withTimeout} says otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

	private final String program;
	private final String debianPackage;
	private final Duration timeout;
	private final Map<String, String> environment;

	/** {@code program} as found on {@code PATH} (or a path to it); {@code debianPackage} is the package that installs it. */
	public ExternalProgram(String program, String debianPackage) {
		this(program, debianPackage, DEFAULT_TIMEOUT, Map.of("LC_ALL", "C"));
	}

	private ExternalProgram(String program, String debianPackage, Duration timeout, Map<String, String> environment) {
		this.program = Objects.requireNonNull(program, "program");
		this.debianPackage = Objects.requireNonNull(debianPackage, "debianPackage");
		this.timeout = timeout;
		this.environment = environment;
	}

	/** The same program with another time limit; a run that takes longer is killed (with what it started). */
	public ExternalProgram withTimeout(Duration limit) {
		if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("a time limit must be positive: " + limit);
		return new ExternalProgram(program, debianPackage, limit, environment);
	}

	/** The same program with one more environment variable set (over this JVM's and {@code LC_ALL=C}). */
	public ExternalProgram withEnvironment(String name, String value) {
		Map<String, String> env = new LinkedHashMap<>(environment);
		env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return new ExternalProgram(program, debianPackage, timeout, Map.copyOf(env));
	}

	/** Runs the program with {@code args} in {@code workingDir} ({@code null}: this JVM's working directory). */
	public Result run(Path workingDir, String... args) {
		return run(workingDir, List.of(args));
	}

	/**
	 * Runs the program with {@code args} in {@code workingDir} ({@code null}: this JVM's working directory) and waits
	 * for it, at most the time limit.
	 *
	 * @throws ProgramNotInstalledException when the program cannot be started
	 */
	public Result run(Path workingDir, List<String> args) {
		CommandLine cmd = new CommandLine(program);
		for (String a : args) cmd.addArgument(a, false);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		DefaultExecutor exec = DefaultExecutor.builder().get();
		if (workingDir != null) exec.setWorkingDirectory(workingDir.toFile());
		exec.setStreamHandler(new PumpStreamHandler(out, err));
		TreeKillingWatchdog watchdog = new TreeKillingWatchdog(timeout);
		exec.setWatchdog(watchdog);
		exec.setExitValues(null); // every exit code is an answer, not an exception
		Map<String, String> env = new HashMap<>(System.getenv());
		env.putAll(environment);
		int code;
		try {
			code = exec.execute(cmd, env);
		} catch (IOException e) {
			// with every exit code accepted, Commons Exec throws only when the program could not be started
			throw new ProgramNotInstalledException(program, debianPackage, e);
		}
		List<String> command = new ArrayList<>(args.size() + 1);
		command.add(program);
		command.addAll(args);
		return new Result(command, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
				watchdog.killedProcess());
	}

	/**
	 * What a finished run left: the command ({@code program} and its arguments), its exit code, what it wrote to
	 * standard output and to standard error, and whether it was killed at the time limit.
	 */
	public record Result(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {
		public Result {
			command = List.copyOf(command);
		}

		/** Exited 0 within the time limit. */
		public boolean succeeded() {
			return exitCode == 0 && !timedOut;
		}

		/** Standard output followed by standard error. */
		public String output() {
			return stdout + stderr;
		}

		/**
		 * This result when the run {@link #succeeded()}; otherwise an exception that names the command, its exit code
		 * and everything it wrote.
		 */
		public Result requireSuccess() throws IOException {
			if (succeeded()) return this;
			throw new IOException(String.join(" ", command) + " exited " + exitCode
					+ (timedOut ? " (killed at its time limit)" : "") + ":\n" + output());
		}
	}

	/**
	 * Commons Exec's watchdog kills only the process it started; a program that started others (cpp runs cc1,
	 * {@code sh -c} runs its commands) would leave them holding its output open, and the run would wait for them.
	 * This one kills the whole tree at the time limit.
	 */
	private static final class TreeKillingWatchdog extends ExecuteWatchdog {
		private Process process;

		@SuppressWarnings("deprecation") // the builder cannot build a subclass
		TreeKillingWatchdog(Duration timeout) {
			super(timeout.toMillis());
		}

		@Override
		public synchronized void start(Process started) {
			this.process = started;
			super.start(started);
		}

		@Override
		public synchronized void timeoutOccured(Watchdog w) {
			List<ProcessHandle> descendants = process != null && process.isAlive() ? process.descendants().toList() : List.of();
			super.timeoutOccured(w);
			descendants.forEach(ProcessHandle::destroyForcibly);
		}
	}
}
