package dev.tessera.boot.qemu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.marker.MarkerLine;

/**
 * What one QEMU run showed.
 *
 * @param outcome     why the run ended
 * @param seen        expected markers that appeared, in the order they appeared
 * @param seenAt      when each of them appeared, counted from QEMU's start
 * @param missing     expected markers that never appeared
 * @param markers     every {@code TESS-*} marker found on the console, in order
 * @param failure     the serial line that matched a failure pattern or showed a failure marker, if one did
 * @param elapsed     from QEMU's start to the end of the run
 * @param exitCode    QEMU's exit code when it exited by itself; empty when it was stopped
 * @param serialTail  the last lines of the serial log
 * @param qemuOutput  what QEMU itself printed (errors such as overlapping ROM regions)
 * @param serialLog   the whole serial log
 * @param command     the QEMU command line that ran
 */
public record BootResult(
		Outcome outcome,
		List<ExpectedMarker> seen,
		Map<ExpectedMarker, Duration> seenAt,
		List<ExpectedMarker> missing,
		List<MarkerLine> markers,
		Optional<String> failure,
		Duration elapsed,
		OptionalInt exitCode,
		String serialTail,
		String qemuOutput,
		Path serialLog,
		List<String> command) {

	public enum Outcome {
		/** Every expected marker appeared (QEMU was then stopped, or exited by itself). */
		ALL_SEEN,
		/** A failure pattern appeared; QEMU was stopped. */
		FAILURE_SEEN,
		/** QEMU exited by itself before every expected marker appeared. */
		QEMU_EXITED,
		/** The time limit passed; QEMU was stopped. */
		TIMED_OUT,
		/** QEMU could not be started. */
		START_FAILED
	}

	public BootResult {
		seen = List.copyOf(seen);
		seenAt = Collections.unmodifiableMap(new LinkedHashMap<>(seenAt));
		missing = List.copyOf(missing);
		markers = List.copyOf(markers);
		command = List.copyOf(command);
	}

	public boolean allSeen() {
		return missing.isEmpty();
	}

	public boolean saw(ExpectedMarker m) {
		return seen.contains(m);
	}

	/** The first marker of this kind printed by this domain. */
	public Optional<MarkerLine> marker(String domain, MarkerKind kind) {
		return markers.stream().filter(m -> m.domain().equals(domain) && m.is(kind)).findFirst();
	}

	/** Every marker of this kind printed by this domain (e.g. all {@code IOMEM} lines). */
	public List<MarkerLine> markers(String domain, MarkerKind kind) {
		return markers.stream().filter(m -> m.domain().equals(domain) && m.is(kind)).toList();
	}

	/** A few lines for an assertion message: outcome, missing markers, QEMU's words, the log's tail. */
	public String describe() {
		StringBuilder b = new StringBuilder();
		b.append("outcome=").append(outcome)
				.append(" elapsed=").append(String.format("%.1fs", elapsed.toMillis() / 1000.0));
		exitCode.ifPresent(c -> b.append(" exit=").append(c));
		b.append("\nseen:");
		seenAt.forEach((m, t) -> b.append(' ').append(m).append(String.format(" @%.1fs;", t.toMillis() / 1000.0)));
		b.append("\nmissing: ").append(missing);
		failure.ifPresent(f -> b.append("\nfailure line: ").append(f));
		if (!qemuOutput.isBlank()) {
			b.append("\nqemu said: ").append(qemuOutput.strip());
		}
		b.append("\nserial log: ").append(serialLog);
		b.append("\n--- serial tail ---\n").append(serialTail).append("\n--- end ---");
		return b.toString();
	}

	@Override
	public String toString() {
		return describe();
	}
}
