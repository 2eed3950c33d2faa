package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.tessera.core.diag.Severity;
import dev.tessera.pipeline.Pipeline;

/**
 * How generate and check grow with the size of a model, warm, in one JVM: synthetic systems of 10, 100, 500 and
 * 1000 at-boot domains on a 64 GiB copy of the qemu-virt board (generate), and boards of 1000 and 5000 devices with a
 * ten-domain system on each (check). Prints the median of each size, the growth exponent fitted over the sizes
 * (log time against log size: 1 is linear) and the peak RSS of the JVM. A plain main rather than JMH: the fit needs
 * every size's figure in one place.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.tessera.bench.ScaleRun [--runs 5] [--warmup 3] [--domains 10,100,500,1000] [--devices 1000,5000]
 * </pre>
 */
public final class ScaleRun {
	public static void main(String[] args) throws IOException {
		int runs = 5, warmup = 3;
		int[] domains = { 10, 100, 500, 1000 }, devices = { 1000, 5000 };
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
			case "--runs" -> runs = Integer.parseInt(args[++i]);
			case "--warmup" -> warmup = Integer.parseInt(args[++i]);
			case "--domains" -> domains = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
			case "--devices" -> devices = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
			default -> {
				System.err.println("usage: ScaleRun [--runs N] [--warmup N] [--domains N,N,...] [--devices N,N,...]");
				System.exit(2);
			}
			}
		}
		Path root = PipelineBenchmark.repositoryRoot();
		Path dir = Files.createTempDirectory("tessera-scale");
		try {
			// the qemu-virt board with 64 GiB of RAM, so that a thousand domains fit
			Files.writeString(dir.resolve("big-virt.tess"), Files.readString(root.resolve("boards/qemu-virt.tess"))
					.replace("board qemu-virt", "board big-virt").replace("size 2G", "size 64G"));
			Files.copy(root.resolve("boards/qemu-virt.dts"), dir.resolve("qemu-virt.dts"));
			System.out.printf(Locale.ROOT, "warm generate, %d warm-up + %d measured runs per size (ms)%n", warmup, runs);
			double[] genMs = new double[domains.length];
			for (int k = 0; k < domains.length; k++) {
				Path system = dir.resolve("domains-" + domains[k] + ".tess");
				Files.writeString(system, system(domains[k]));
				genMs[k] = time(warmup, runs, dir, n -> generate(system, dir.resolve("out-" + n)));
				System.out.printf(Locale.ROOT, "  %5d domains  %9.1f%n", domains[k], genMs[k]);
			}
			System.out.printf(Locale.ROOT, "  growth exponent (time ~ domains^k): k = %.2f over all sizes%s%n", exponent(domains, genMs), steps(domains, genMs));

			System.out.printf(Locale.ROOT, "warm check of a board and a 10-domain system on it (ms)%n");
			double[] chkMs = new double[devices.length];
			for (int k = 0; k < devices.length; k++) {
				Path b = dir.resolve("board-" + devices[k]);
				Files.createDirectories(b);
				Files.writeString(b.resolve("big-board.tess"), LspLatency.board(devices[k]));
				Path system = b.resolve("system.tess");
				Files.writeString(system, LspLatency.system(10));
				chkMs[k] = time(warmup, runs, dir, n -> check(List.of(b.resolve("big-board.tess"), system)));
				System.out.printf(Locale.ROOT, "  %5d devices  %9.1f%n", devices[k], chkMs[k]);
			}
			if (devices.length > 1)
				System.out.printf(Locale.ROOT, "  growth exponent (time ~ devices^k): k = %.2f over all sizes%s%n", exponent(devices, chkMs), steps(devices, chkMs));
			System.out.printf(Locale.ROOT, "peak RSS of this JVM: %s%n", peakRss());
		} finally {
			try (Stream<Path> all = Files.walk(dir)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	interface Step {
		void run(int n) throws IOException;
	}

	private static double time(int warmup, int runs, Path dir, Step step) throws IOException {
		int n = 0;
		for (int i = 0; i < warmup; i++) step.run(n++);
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			step.run(n++);
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
	}

	private static void generate(Path system, Path out) {
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(system, null, null, out));
		if (o.failed()) throw new IllegalStateException(system + ": " + o.stop() + " " + o.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
	}

	private static void check(List<Path> files) {
		for (var l : new Pipeline().check(files))
			if (l.hasErrors()) throw new IllegalStateException(l.path() + ": " + l.diagnostics());
	}

	/** dom0 and n−1 at-boot Linux domains of 48 MiB with a command line of their own, on the 64 GiB board. */
	static String system(int n) {
		StringBuilder sb = new StringBuilder("import \"big-virt.tess\"\nsystem scale on big-virt {\n");
		sb.append("\txen 4.17 { console uart0 image \"xen\" max 4M }\n");
		sb.append("\tdomain dom0 control { os linux memory 1G vcpus 1 kernel \"Image\" max 40M cmdline \"console=hvc0\" }\n");
		for (int i = 1; i < n; i++)
			sb.append("\tdomain guest").append(i).append(" at-boot { os linux memory 48M vcpus ").append(1 + i % 2)
					.append(" kernel \"Image\" max 40M cmdline \"console=ttyAMA0 guest=").append(i).append("\" }\n");
		return sb.append("}\n").toString();
	}

	/**
	 * The exponent from each size to the next: a fixed cost (the tools' processes, a new validator) flattens the fit
	 * over all sizes, and a super-linear step shows in the largest pair.
	 */
	static String steps(int[] size, double[] ms) {
		StringBuilder sb = new StringBuilder(";");
		for (int i = 1; i < size.length; i++)
			sb.append(String.format(Locale.ROOT, " %d→%d: %.2f", size[i - 1], size[i], Math.log(ms[i] / ms[i - 1]) / Math.log((double) size[i] / size[i - 1])));
		return sb.toString();
	}

	/** The least-squares slope of log(time) against log(size). */
	static double exponent(int[] size, double[] ms) {
		int n = size.length;
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		for (int i = 0; i < n; i++) {
			double x = Math.log(size[i]), y = Math.log(ms[i]);
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
		}
		return (n * sxy - sx * sy) / (n * sxx - sx * sx);
	}

	private static String peakRss() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status")))
			if (line.startsWith("VmHWM:")) return line.substring(6).strip();
		return "unknown (no /proc/self/status)";
	}
}
