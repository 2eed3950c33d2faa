package dev.tessera.boot.qemu;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.ShutdownHookProcessDestroyer;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.marker.MarkerLine;

/**
 * Runs one {@link QemuBoot}: starts QEMU through Commons Exec with an argument list (no shell),
 * sends the guest's serial port to a log file, follows that file for {@code TESS-*} markers,
 * failure patterns and failure markers, and stops QEMU as soon as the result is known: every
 * expected marker seen, a failure seen, QEMU exited by itself, or the time limit passed. It never
 * waits without a bound: an {@link ExecuteWatchdog} backs up the time limit, a stopped QEMU that
 * does not go away is killed, and QEMU is also killed if the JVM exits first.
 */
public final class QemuRunner {

	private static final ShutdownHookProcessDestroyer DESTROYER = new ShutdownHookProcessDestroyer();

	private final Duration pollInterval;
	private final int tailLines;
	private final Duration termGrace;

	/** Polls the log every 100 ms, keeps 60 lines of tail, kills QEMU 10 s after SIGTERM. */
	public QemuRunner() {
		this(Duration.ofMillis(100), 60, Duration.ofSeconds(10));
	}

	/**
	 * @param pollInterval how often the serial log is read
	 * @param tailLines    how many last lines of the log a result keeps
	 * @param termGrace    how long a stopped QEMU may take to exit before it is killed
	 */
	public QemuRunner(Duration pollInterval, int tailLines, Duration termGrace) {
		this.pollInterval = pollInterval;
		this.tailLines = tailLines;
		this.termGrace = termGrace;
	}

	/** A DefaultExecutor that remembers the process it started, to kill it if SIGTERM is not enough. */
	private static final class RememberingExecutor extends DefaultExecutor {
		final AtomicReference<Process> process = new AtomicReference<>();

		@SuppressWarnings("deprecation")
		RememberingExecutor() {
			super();
		}

		@Override
		protected Process launch(CommandLine command, Map<String, String> env, File dir) throws IOException {
			Process p = super.launch(command, env, dir);
			process.set(p);
			return p;
		}
	}

	/**
	 * Boots and watches. The serial log is written to {@code workDir/serial.log} (replaced if it
	 * exists); QEMU runs with {@code workDir} as its working directory.
	 */
	public BootResult run(QemuBoot boot, Path workDir) throws IOException {
		return run(boot, workDir, line -> { });
	}

	/** As {@link #run(QemuBoot, Path)}, handing every serial line to {@code onLine} as it arrives. */
	public BootResult run(QemuBoot boot, Path workDir, java.util.function.Consumer<String> onLine) throws IOException {
		Files.createDirectories(workDir);
		Path log = workDir.resolve("serial.log").toAbsolutePath();
		Files.deleteIfExists(log);
		Files.createFile(log);

		List<String> args = boot.arguments(log);
		CommandLine cl = new CommandLine(boot.qemuBinary());
		for (String a : args) {
			cl.addArgument(a, false);
		}
		List<String> command = new ArrayList<>();
		command.add(boot.qemuBinary());
		command.addAll(args);

		ByteArrayOutputStream qemuOut = new ByteArrayOutputStream();
		RememberingExecutor executor = new RememberingExecutor();
		executor.setStreamHandler(new PumpStreamHandler(qemuOut, qemuOut));
		// Backstop only: the loop below stops QEMU at the time limit itself.
		ExecuteWatchdog watchdog = ExecuteWatchdog.builder()
				.setTimeout(boot.timeout().plus(Duration.ofSeconds(30))).get();
		executor.setWatchdog(watchdog);
		executor.setProcessDestroyer(DESTROYER);
		executor.setExitValues(null); // any exit code is a result, not an exception
		executor.setWorkingDirectory(workDir.toFile());
		DefaultExecuteResultHandler handler = new DefaultExecuteResultHandler();

		Watch watch = new Watch(boot);
		long start = System.nanoTime();
		try {
			executor.execute(cl, handler);
		} catch (IOException e) {
			return new BootResult(BootResult.Outcome.START_FAILED, List.of(), Map.of(), boot.expected(),
					List.of(), Optional.empty(), Duration.ofNanos(System.nanoTime() - start), OptionalInt.empty(),
					"", e.toString(), log, command);
		}

		BootResult.Outcome outcome;
		Duration elapsed;
		boolean stopped = false;
		try (SerialFollower follower = new SerialFollower(log)) {
			long deadline = start + boot.timeout().toNanos();
			while (true) {
				boolean exited = handler.hasResult();
				for (String line : follower.newLines(exited)) {
					onLine.accept(line);
					watch.accept(line, Duration.ofNanos(System.nanoTime() - start));
				}
				if (watch.failure != null) {
					outcome = BootResult.Outcome.FAILURE_SEEN;
					break;
				}
				if (watch.allSeen() && (boot.stopWhenAllSeen() || exited)) {
					outcome = BootResult.Outcome.ALL_SEEN;
					break;
				}
				if (exited) {
					outcome = BootResult.Outcome.QEMU_EXITED;
					break;
				}
				if (System.nanoTime() - deadline > 0) {
					outcome = BootResult.Outcome.TIMED_OUT;
					break;
				}
				Thread.sleep(pollInterval.toMillis());
			}
			elapsed = Duration.ofNanos(System.nanoTime() - start);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			outcome = BootResult.Outcome.TIMED_OUT;
			elapsed = Duration.ofNanos(System.nanoTime() - start);
		} finally {
			stopped = stop(handler, watchdog, executor, termGrace);
		}
		if (executor.process.get() == null && handler.hasResult()) {
			// the async launch failed (e.g. no such binary): no process ever ran
			String why = handler.getException() != null ? handler.getException().getMessage() : "not started";
			return new BootResult(BootResult.Outcome.START_FAILED, List.of(), Map.of(), boot.expected(),
					List.of(), Optional.empty(), elapsed, OptionalInt.empty(), "", why, log, command);
		}

		OptionalInt exit = !stopped && handler.hasResult() ? OptionalInt.of(handler.getExitValue())
				: OptionalInt.empty();
		String out;
		synchronized (qemuOut) {
			out = qemuOut.toString(StandardCharsets.UTF_8);
		}
		return new BootResult(outcome, watch.seenOrder(), watch.seenAt, watch.missing(), watch.markers,
				Optional.ofNullable(watch.failure), elapsed, exit, tail(log, tailLines), out, log, command);
	}

	/** Stops QEMU if it still runs; returns whether it had to be stopped. */
	private static boolean stop(DefaultExecuteResultHandler handler, ExecuteWatchdog watchdog,
								RememberingExecutor executor, Duration termGrace) {
		if (handler.hasResult()) {
			return false;
		}
		watchdog.destroyProcess(); // SIGTERM: QEMU exits at once
		try {
			handler.waitFor(termGrace);
			if (!handler.hasResult()) {
				Process p = executor.process.get();
				if (p != null) {
					p.destroyForcibly();
				}
				handler.waitFor(Duration.ofSeconds(10));
			}
		} catch (InterruptedException e) {
			Process p = executor.process.get();
			if (p != null) {
				p.destroyForcibly();
			}
			Thread.currentThread().interrupt();
		}
		return true;
	}

	/** Matches console lines against what a boot expects. */
	private static final class Watch {
		final List<ExpectedMarker> expected;
		final List<FailureLine> failureLines;
		final Set<MarkerKind> failureMarkers;
		final Map<ExpectedMarker, Duration> seenAt = new LinkedHashMap<>();
		final List<MarkerLine> markers = new ArrayList<>();
		String failure;
		boolean ubootDone;

		Watch(QemuBoot boot) {
			// duplicates are one expectation
			Set<ExpectedMarker> unique = new LinkedHashSet<>(boot.expected());
			this.expected = List.copyOf(unique);
			this.failureLines = boot.failureLines();
			this.failureMarkers = boot.failureMarkers();
		}

		void accept(String line, Duration at) {
			List<MarkerLine> found = MarkerLine.parse(line);
			markers.addAll(found);
			for (ExpectedMarker e : expected) {
				if (seenAt.containsKey(e)) {
					continue;
				}
				boolean hit = e.isLog() ? e.matchesLine(line) : found.stream().anyMatch(e::matches);
				if (hit) {
					seenAt.put(e, at);
				}
			}
			if (failure == null) {
				for (FailureLine f : failureLines) {
					if (f.matches(line, ubootDone)) {
						failure = line;
						break;
					}
				}
			}
			if (line.contains(FailureLine.UBOOT_HANDOVER)) ubootDone = true;
			if (failure == null) {
				for (MarkerLine m : found) {
					if (failureMarkers.stream().anyMatch(k -> k.failsOn(m))) {
						failure = line;
						break;
					}
				}
			}
		}

		boolean allSeen() {
			return seenAt.size() == expected.size();
		}

		List<ExpectedMarker> seenOrder() {
			return new ArrayList<>(seenAt.keySet());
		}

		List<ExpectedMarker> missing() {
			return expected.stream().filter(e -> !seenAt.containsKey(e)).toList();
		}
	}

	/** Follows a growing file and returns its complete new lines. */
	private static final class SerialFollower implements AutoCloseable {
		private final RandomAccessFile file;
		private long position;
		private final StringBuilder partial = new StringBuilder();

		SerialFollower(Path path) throws IOException {
			this.file = new RandomAccessFile(path.toFile(), "r");
		}

		/** New complete lines; with {@code flush}, also the unterminated last line. */
		List<String> newLines(boolean flush) throws IOException {
			List<String> lines = new ArrayList<>();
			long length = file.length();
			if (length < position) { // truncated: start over
				position = 0;
				partial.setLength(0);
			}
			if (length > position) {
				byte[] buf = new byte[(int) Math.min(length - position, 1 << 20)];
				file.seek(position);
				file.readFully(buf);
				position += buf.length;
				partial.append(new String(buf, StandardCharsets.ISO_8859_1));
			}
			int nl;
			while ((nl = partial.indexOf("\n")) >= 0) {
				lines.add(strip(partial.substring(0, nl)));
				partial.delete(0, nl + 1);
			}
			if (flush && partial.length() > 0) {
				lines.add(strip(partial.toString()));
				partial.setLength(0);
			}
			return lines;
		}

		private static String strip(String s) {
			return s.replace("\r", "");
		}

		@Override
		public void close() throws IOException {
			file.close();
		}
	}

	/** The last {@code n} lines of a file (read from its last 64 KiB). */
	static String tail(Path file, int n) {
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
			long len = f.length();
			int size = (int) Math.min(len, 64 * 1024);
			byte[] buf = new byte[size];
			f.seek(len - size);
			f.readFully(buf);
			String[] lines = new String(buf, StandardCharsets.ISO_8859_1).replace("\r", "").split("\n", -1);
			int from = Math.max(0, lines.length - n);
			return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length)).stripTrailing();
		} catch (IOException e) {
			return "(cannot read " + file + ": " + e.getMessage() + ")";
		}
	}
}
