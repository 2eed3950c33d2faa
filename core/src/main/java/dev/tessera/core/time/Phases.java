package dev.tessera.core.time;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase of one run (injector, parse, link, validate, resolve, render, tools, write), printed to stderr
 * when the JVM exits if {@code -Dtessera.phases} is set: where a cold start goes, for the benchmarks. Off, a phase
 * costs one boolean test. Phases nest: a phase's time excludes the phases timed inside it (render excludes tools).
 */
public final class Phases {
	private static final boolean ON = System.getProperty("tessera.phases") != null;
	private static final Map<String, Long> TOTALS = new LinkedHashMap<>();
	/** phases run beside main's thread: printed apart, as they do not add up with main's */
	private static final Map<String, Long> BESIDE = new LinkedHashMap<>();
	/** per thread, the time of the phases timed inside each open phase, innermost last */
	private static final ThreadLocal<Deque<long[]>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
	private static long firstMark;

	static {
		if (ON) {
			firstMark = System.nanoTime();
			Runtime.getRuntime().addShutdownHook(new Thread(Phases::print, "tessera-phases"));
		}
	}

	private Phases() {
	}

	/** Marks the start of {@code main}: what came before is the JVM's own start-up. */
	public static void begin() {
		// loading the class is the point: its initializer takes the first mark
	}

	/** A running phase; close it to add its time. Use in try-with-resources. */
	public interface Timer extends AutoCloseable {
		@Override
		void close();
	}

	private static final Timer OFF = () -> {
	};

	public static Timer start(String phase) {
		return start(phase, TOTALS);
	}

	/** A phase on a thread of its own, beside main's (the language's set-up while the command starts). */
	public static Timer beside(String phase) {
		return start(phase, BESIDE);
	}

	private static Timer start(String phase, Map<String, Long> into) {
		if (!ON) return OFF;
		long t0 = System.nanoTime();
		long[] inner = new long[1];
		Deque<long[]> open = OPEN.get();
		open.addLast(inner);
		return () -> {
			long spent = System.nanoTime() - t0;
			open.remove(inner);
			long[] outer = open.peekLast();
			if (outer != null) outer[0] += spent;
			synchronized (Phases.class) {
				into.merge(phase, spent - inner[0], Long::sum);
			}
		};
	}

	private static synchronized void print() {
		long now = System.nanoTime();
		StringBuilder sb = new StringBuilder("tessera phases (ms):");
		// "before": from the JVM's start to main (the JVM's own start-up); "other": the rest of main (picocli, reporting)
		long sinceStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
		long timed = 0;
		for (var e : TOTALS.entrySet()) {
			sb.append(' ').append(e.getKey()).append('=').append(ms(e.getValue()));
			timed += e.getValue();
		}
		long sinceFirst = now - firstMark;
		sb.append(" other=").append(ms(sinceFirst - timed));
		sb.append(" before=").append(sinceStart - sinceFirst / 1_000_000).append(" total=").append(sinceStart);
		for (var e : BESIDE.entrySet()) sb.append(" beside:").append(e.getKey()).append('=').append(ms(e.getValue()));
		java.lang.System.err.println(sb);
	}

	private static String ms(long nanos) {
		return Long.toString(Math.round(nanos / 1e6));
	}
}
