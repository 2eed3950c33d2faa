package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.marker.MarkerLine;

/**
 * The real-time examples booted on the harness's Xen 4.17 feature build and measured from inside: the partitions run the
 * harness's burner (a branch to itself: runnable every nanosecond it is given, from its first instruction), dom0 runs the
 * generated start script unchanged — tessera-sched puts the ARINC 653 schedule in place, xl sched-rtds the RTDS budgets —
 * and then reads every domain's CPU time from Xen twice, {@value #WINDOW} s apart. Each domain's share of its CPU must be
 * its budget over its period (the same as its time per major frame over the frame) within ±{@value #TOLERANCE}
 * percentage points. The negative controls take the schedule out of the start script: the ARINC 653 partitions then
 * never run, the RTDS domains run on Xen's defaults (4 ms every 10 ms, with extratime: they split the CPU).
 *
 * <p>The shares are measured in emulated time, which follows the host's clock: a host too loaded to run QEMU's threads
 * when Xen wants to switch moves time between partitions (dom0-tools/tessera-sched/README.md has the measurements).
 */
class RealTimeBootTest {
	static final Path RT = BootScenariosTest.root().resolve("examples/rt");
	static final int WINDOW = 20;
	static final double TOLERANCE = 5.0;
	static final Duration TIMEOUT = Duration.ofMinutes(4);
	static final int LONGER = 50;

	@TempDir
	Path work;

	@Test
	void arinc653PartitionsEachGetTheirBudgetOverTheirPeriod() throws Exception {
		SystemBooter.Report r = boot("arinc653-seed", out -> { }, "p5", "p6", "p10");
		Map<String, Double> shares = shares(r);
		// 1 ms in 5, 2 in 6, 3 in 10: 6, 10 and 9 ms of the 30 ms major frame
		assertShare(shares, "p5", 100.0 * 1 / 5, r);
		assertShare(shares, "p6", 100.0 * 2 / 6, r);
		assertShare(shares, "p10", 100.0 * 3 / 10, r);
	}

	@Test
	void withoutTheScheduleTheArinc653PartitionsNeverRun() throws Exception {
		// the negative control: the start script without its tessera-sched line; Xen's ARINC 653 scheduler then runs only
		// the entries of the schedule it has, which name no partition
		SystemBooter.Report r = boot("arinc653-seed", out -> dropLines(out.resolve("xl/start-domains.sh"), "tessera-sched apply"), "p5", "p6", "p10");
		Map<String, Double> shares = shares(r);
		for (String p : new String[] { "p5", "p6", "p10" })
			assertTrue(shares.get(p) < 1.0, p + " ran without a schedule: " + shares);
	}

	@Test
	void rtdsDomainsGetTheirBudgetAndNoMore() throws Exception {
		SystemBooter.Report r = boot(rtdsWithLongerPeriods(), out -> { }, "light", "heavy");
		Map<String, Double> shares = shares(r);
		// 20 % and 50 % of the CPU without extratime, however hard they try
		assertShare(shares, "light", 20.0, r);
		assertShare(shares, "heavy", 50.0, r);
	}

	@Test
	void withoutTheirBudgetsTheRtdsDomainsSplitTheCpu() throws Exception {
		SystemBooter.Report r = boot(rtdsWithLongerPeriods(), out -> dropLines(out.resolve("xl/start-domains.sh"), "xl sched-rtds"), "light", "heavy");
		Map<String, Double> shares = shares(r);
		// Xen's defaults give both 4 ms every 10 ms and the idle time beyond: half each, not 20 % for light
		assertTrue(Math.abs(shares.get("light") - 20.0) > 2 * TOLERANCE, "light kept its budget without xl sched-rtds: " + shares);
	}

	/**
	 * examples/rt/rtds.tess with every budget and period {@value #LONGER} times longer: the same shares, 100 ms and 250 ms
	 * every 500 ms. RTDS never charges back the time a domain ran past its budget, and under emulation a budget ends late,
	 * once per period: at the example's 10 ms periods light and heavy got 25.8 % and 57.2 % here (for 20 and 50), at 100 ms
	 * 23.8 and 50.9, at 500 ms 20.0 and 50.9.
	 */
	private Path rtdsWithLongerPeriods() throws java.io.IOException {
		String text = Files.readString(RT.resolve("rtds.tess"));
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("budget (\\d+)ms per (\\d+)ms").matcher(text);
		String longer = m.replaceAll(x -> "budget " + LONGER * Integer.parseInt(x.group(1)) + "ms per " + LONGER * Integer.parseInt(x.group(2)) + "ms");
		assertNotEquals(text, longer, "examples/rt/rtds.tess has no budget B ms per P ms");
		Path f = work.resolve("rtds-longer.tess");
		Files.writeString(f, longer);
		return f;
	}

	private SystemBooter.Report boot(String example, Consumer<Path> tamper, String... burners) throws Exception {
		return boot(RT.resolve(example + ".tess"), tamper, burners);
	}

	private SystemBooter.Report boot(Path system, Consumer<Path> tamper, String... burners) throws Exception {
		SystemBooter.Report r = new SystemBooter().boot(new SystemBooter.Request(system, null, null, Route.DIRECT, true,
				XenRequest.SYSTEM, TIMEOUT, work.resolve("boot"), tamper, MarkerExtras.measuringShares(WINDOW, burners)), line -> { });
		assertNotNull(r.boot(), () -> "not booted: " + r.diagnostics());
		assertTrue(r.passed(), () -> r.boot().describe() + r.problems());
		return r;
	}

	/** Every domain's share of one CPU (percent) by name, from dom0's SHARES line (by domain id). */
	private static Map<String, Double> shares(SystemBooter.Report r) {
		MarkerLine line = r.boot().marker(r.plan().dom0(), MarkerKind.SHARES).orElseThrow();
		Map<String, Double> out = new LinkedHashMap<>();
		for (PlanView.Domain d : r.plan().domains())
			out.put(d.name(), Double.parseDouble(line.field("d" + d.id()).orElseThrow(() -> new AssertionError(d.name() + " not measured: " + line.raw()))));
		// what the suite's log keeps: the shares and how long the boot took
		java.lang.System.out.printf("RealTimeBootTest: %s in %.1f s: %s%n", r.plan().domains().stream().map(PlanView.Domain::name).collect(Collectors.joining(",")),
				r.boot().elapsed().toMillis() / 1000.0, out);
		return out;
	}

	private static void assertShare(Map<String, Double> shares, String domain, double expected, SystemBooter.Report r) {
		assertEquals(expected, shares.get(domain), TOLERANCE, domain + "'s share of its CPU over " + WINDOW + " s (all: " + shares + ")");
	}

	/** Takes out the lines that contain {@code text}, which must exist. */
	private static void dropLines(Path file, String text) {
		try {
			String before = Files.readString(file);
			String after = before.lines().filter(l -> !l.contains(text)).collect(Collectors.joining("\n", "", "\n"));
			assertNotEquals(before, after, file + " has no line with " + text);
			Files.writeString(file, after);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
