package dev.tessera.importer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.tessera.process.ExternalProgram;

/**
 * The benchmark behind bench/importer/sweep.sh (not a test): imports every .dts under the given directories of a
 * kernel tree and, side by side on the same file, preprocesses and compiles it with dtc the way the kernel's build
 * does. Writes one CSV line per file and prints how many imported, why the others did not, whether anything
 * crashed, and the time per file of both.
 *
 * <pre>Sweep KERNEL_TREE OUT.csv [SUBDIR ...]   (default: arch/arm64/boot/dts arch/arm/boot/dts)</pre>
 */
public final class Sweep {
	private Sweep() {
	}

	record Row(String file, long importNanos, String importResult, String reason, List<String> warnings, long dtcNanos, String dtcResult) {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: Sweep KERNEL_TREE OUT.csv [SUBDIR ...]");
			System.exit(2);
		}
		Path tree = Path.of(args[0]).toAbsolutePath().normalize();
		Path csv = Path.of(args[1]);
		List<String> dirs = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("arch/arm64/boot/dts", "arch/arm/boot/dts");
		List<Path> files = new ArrayList<>();
		for (String d : dirs)
			try (Stream<Path> s = Files.walk(tree.resolve(d))) {
				s.filter(p -> p.getFileName().toString().endsWith(".dts") && Files.isRegularFile(p)).sorted().forEach(files::add);
			}
		Path include = tree.resolve("scripts/dtc/include-prefixes");
		BoardImporter importer = new BoardImporter();
		ExternalProgram cpp = new ExternalProgram("cpp", "cpp"), dtc = new ExternalProgram("dtc", "device-tree-compiler");
		Path tmp = Files.createTempDirectory("tessera-sweep");
		// warm the JVM up on a few files so the first files' times are not class loading
		for (int i = 0; i < Math.min(20, files.size()); i++) importOne(importer, files.get(i), new ArrayList<>());

		List<Row> rows = new ArrayList<>();
		int n = 0;
		for (Path f : files) {
			String rel = tree.relativize(f).toString();
			long t0 = System.nanoTime();
			List<String> warnings = new ArrayList<>();
			String[] r = importOne(importer, f, warnings);
			long t1 = System.nanoTime();
			String dtcResult = kernelBuild(cpp, dtc, f, include, tmp);
			long t2 = System.nanoTime();
			rows.add(new Row(rel, t1 - t0, r[0], r[1], warnings, t2 - t1, dtcResult));
			if (++n % 200 == 0) System.err.println("sweep: " + n + "/" + files.size());
		}
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
			w.println("file,import_ms,import_result,reason,warnings,dtc_ms,dtc_result");
			for (Row r : rows)
				w.printf("%s,%.1f,%s,\"%s\",%d,%.1f,%s%n", r.file(), r.importNanos() / 1e6, r.importResult(), r.reason().replace("\"", "'"),
						r.warnings().size(), r.dtcNanos() / 1e6, r.dtcResult());
		}
		report(rows);
	}

	/** {result, reason}: "imported", "diagnosed" (an ImportException: bad input, reported) or "crashed". */
	static String[] importOne(BoardImporter importer, Path f, List<String> warnings) {
		try {
			var result = importer.importBoard(new BoardImporter.Request(f, List.of(), "board", "board.dts", List.of(), null));
			result.warnings().forEach(w -> warnings.add(normalise(w.message())));
			return new String[] { "imported", "" };
		} catch (ImportException e) {
			return new String[] { "diagnosed", normalise(e.diagnostics().get(0).message()) };
		} catch (RuntimeException | StackOverflowError e) {
			return new String[] { "crashed", e.getClass().getSimpleName() + ": " + e.getMessage() };
		}
	}

	/** What the kernel's build does with a .dts: cpp, then dtc to a blob. */
	static String kernelBuild(ExternalProgram cpp, ExternalProgram dtc, Path f, Path include, Path tmp) {
		Path pp = tmp.resolve("pp.dts");
		ExternalProgram.Result c = cpp.run(f.getParent(), List.of("-nostdinc", "-undef", "-x", "assembler-with-cpp", "-D__DTS__", "-I" + include,
				"-o", pp.toString(), f.toString()));
		if (c.exitCode() != 0) return "cpp-failed";
		ExternalProgram.Result d = dtc.run(f.getParent(), List.of("-q", "-I", "dts", "-O", "dtb", "-i", f.getParent().toString(), "-i",
				include.toString(), "-o", tmp.resolve("out.dtb").toString(), pp.toString()));
		return d.exitCode() == 0 ? "ok" : "dtc-failed";
	}

	static String normalise(String message) {
		return message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("/[\\w@.+/-]+(,[\\w@.+/-]+)*", "/…").replaceAll("0x[0-9a-f]+", "N")
				.replaceAll("\\b\\d+\\b", "N");
	}

	static void report(List<Row> rows) {
		Map<String, Integer> results = new TreeMap<>();
		Map<String, Integer> reasons = new LinkedHashMap<>();
		for (Row r : rows) {
			results.merge(r.importResult(), 1, Integer::sum);
			if (!r.importResult().equals("imported")) reasons.merge(r.importResult() + ": " + r.reason() + " (kernel build: " + r.dtcResult() + ")", 1, Integer::sum);
		}
		System.out.println("files: " + rows.size());
		results.forEach((k, v) -> System.out.println("  " + k + ": " + v));
		System.out.println("  kernel build (cpp + dtc) failed on: " + rows.stream().filter(r -> !r.dtcResult().equals("ok")).count());
		System.out.println("why the others were not imported:");
		reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
				.forEach(e -> System.out.println("  " + e.getValue() + " x " + e.getKey()));
		List<Row> both = rows.stream().filter(r -> r.importResult().equals("imported") && r.dtcResult().equals("ok")).toList();
 		Map<String, Integer> warned = new LinkedHashMap<>();
		rows.forEach(r -> r.warnings().stream().distinct().forEach(w -> warned.merge(w, 1, Integer::sum)));
		System.out.println("imported with warnings: " + rows.stream().filter(r -> !r.warnings().isEmpty()).count() + " file(s); the warnings, by files:");
		warned.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
				.forEach(e -> System.out.println("  " + e.getValue() + " x " + e.getKey()));
		System.out.println("time per file (ms), on the " + both.size() + " files both read:");
		System.out.println("  tessera board import (cpp + 2 dtc runs + read + build)        : " + stats(both.stream().mapToLong(Row::importNanos).toArray()));
		System.out.println("  kernel build (cpp + dtc -O dtb):                                 " + stats(both.stream().mapToLong(Row::dtcNanos).toArray()));
	}

	static String stats(long[] nanos) {
		if (nanos.length == 0) return "-";
		long[] s = nanos.clone();
		Arrays.sort(s);
		double mean = Arrays.stream(s).average().orElse(0) / 1e6;
		return String.format("mean %.1f, median %.1f, p95 %.1f, max %.1f, total %.1f s", mean, s[s.length / 2] / 1e6,
				s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6, Arrays.stream(s).sum() / 1e9);
	}

}
