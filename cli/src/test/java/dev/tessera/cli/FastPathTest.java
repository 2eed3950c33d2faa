package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * The fast path ({@link FastPath}) reads a command line exactly as picocli does, or leaves it to picocli: for every
 * form it accepts, the command it builds has the fields picocli's parse gives; every other form returns null, so
 * that picocli prints its own messages, usage and exit codes.
 */
class FastPathTest {
	static Stream<List<String>> accepted() {
		return Stream.of(
				List.of("check", "a.tess"),
				List.of("check", "a.tess", "b.tess", "c.tess"),
				List.of("check", "--werror", "a.tess"),
				List.of("check", "a.tess", "--format", "json"),
				List.of("check", "--format=sarif", "a.tess"),
				List.of("check", "--format", "text", "-q", "a.tess"),
				List.of("check", "a.tess", "-W", "memory.fits=off", "-W", "x.y=error", "--verbose"),
				List.of("check", "a.tess", "--quiet", "-v", "b.tess"),
				List.of("generate", "sys.tess", "-o", "out"),
				List.of("generate", "-o", "out", "sys.tess"),
				List.of("generate", "sys.tess", "--output", "out/dir", "--werror"),
				List.of("generate", "sys.tess", "--output=out", "--depfile=dep.d", "--system", "s1"),
				List.of("generate", "sys.tess", "-o", "out", "-d", "out.d", "--xen-config", "xen.config", "--xen-source", "/src/xen"),
				List.of("generate", "sys.tess", "-o", "out", "--files", "a", "--files=b", "--files", "c"),
				List.of("generate", "sys.tess", "-o", "out", "--variant", "v1", "--variant=v2"),
				List.of("generate", "sys.tess", "-o", "out", "--all-variants", "--format", "json", "-W", "a=b", "-q"),
				List.of("generate", "with space.tess", "-o", "out put", "--system=a=b"),
				// words that name commands or look like numbers are files and values like any other
				List.of("check", "generate", "check", "rules"), List.of("generate", "check", "-o", "generate", "--system", "check", "--variant", "lsp"),
				List.of("check", "1", "a.tess", "-W", "x=1"));
	}

	static Stream<List<String>> leftToPicocli() {
		return Stream.of(
				List.of(), List.of("check"), List.of("generate"),
				List.of("--help"), List.of("-h"), List.of("--version"), List.of("-V"), List.of("rules"), List.of("boot", "x.tess"),
				List.of("lsp"), List.of("board", "import", "x.dts"), List.of("nonsense", "x"),
				List.of("-v", "check", "a.tess"),
				List.of("check", "--help"), List.of("check", "a.tess", "-h"), List.of("generate", "--help"), List.of("generate", "-V"),
				List.of("check", "--werror"), List.of("check", "a.tess", "--unknown"), List.of("check", "a.tess", "-x"),
				List.of("check", "a.tess", "-qv"), List.of("check", "a.tess", "--werror", "--werror"), List.of("check", "a.tess", "-q", "--quiet"),
				List.of("check", "a.tess", "--werror=true"), List.of("check", "a.tess", "--format"), List.of("check", "a.tess", "--format", "JSON"),
				List.of("check", "a.tess", "--format", "xml"), List.of("check", "a.tess", "--format", "json", "--format", "text"),
				List.of("check", "a.tess", "--format="), List.of("check", "a.tess", "-W"), List.of("check", "a.tess", "-W", "-q"),
				List.of("check", "a.tess", "-Wa=b"), List.of("check", "a.tess", "-W=x"), List.of("check", "--", "a.tess"), List.of("check", "@args.txt"), List.of("check", ""),
				List.of("check", "-"), List.of("check", "a.tess", "-W", "@x"), List.of("check", "a\0.tess"),
				List.of("generate", "sys.tess"), List.of("generate", "-o", "out"), List.of("generate", "a.tess", "b.tess", "-o", "out"),
				List.of("generate", "sys.tess", "-o"), List.of("generate", "sys.tess", "-o", "--werror"), List.of("generate", "sys.tess", "-o", "a", "-o", "b"),
				List.of("generate", "sys.tess", "-o", "a", "--output", "b"), List.of("generate", "sys.tess", "-oout"), List.of("generate", "sys.tess", "-o=out"),
				List.of("generate", "sys.tess", "-o", "out", "--file", "kernel=/k"), List.of("generate", "sys.tess", "-o", "out", "--file=kernel=/k"),
				List.of("generate", "sys.tess", "-o", "out", "--all-variants", "--all-variants"), List.of("generate", "sys.tess", "-o", "out", "--system"),
				List.of("generate", "sys.tess", "-o", "out", "--system", "a", "--system", "b"), List.of("generate", "sys.tess", "-o", "out", "--variant"),
				List.of("generate", "sys.tess", "-o", "out", "-d"), List.of("generate", "sys.tess", "-o", "out", "--depfile", "a", "-d", "b"),
				List.of("generate", "sys.tess", "-o", "out", "--xen-source"), List.of("generate", "sys.tess", "-o", ""));
	}

	@ParameterizedTest
	@MethodSource("accepted")
	void acceptedFormsAreReadAsPicocliReadsThem(List<String> args) {
		String[] a = args.toArray(String[]::new);
		Callable<Integer> fast = FastPath.parse(a);
		assertNotNull(fast, "the fast path takes " + args);
		CommandLine.ParseResult parsed = Main.commandLine(a).parseArgs(a);
		Object picocli = parsed.subcommand().commandSpec().userObject();
		assertEquals(fields(picocli), fields(fast), String.join(" ", args));
	}

	@ParameterizedTest
	@MethodSource("leftToPicocli")
	void everythingElseGoesToPicocli(List<String> args) {
		assertNull(FastPath.parse(args.toArray(String[]::new)), "left to picocli: " + args);
	}

	/** The fields picocli sets, by name: what the command reads when it runs. */
	private static Map<String, Object> fields(Object command) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("class", command.getClass());
		if (command instanceof CheckCommand c) {
			f.put("files", c.files);
			options(f, c.options);
		} else if (command instanceof GenerateCommand g) {
			f.put("systemFile", g.systemFile);
			f.put("output", g.output);
			f.put("files", g.files);
			f.put("fileOverrides", g.fileOverrides);
			f.put("depfile", g.depfile);
			f.put("system", g.system);
			f.put("xenConfig", g.xenConfig);
			f.put("xenSource", g.xenSource);
			f.put("variants", g.variants);
			f.put("allVariants", g.allVariants);
			options(f, g.options);
		}
		return f;
	}

	private static void options(Map<String, Object> f, DiagnosticOptions o) {
		f.put("format", o.format);
		f.put("werror", o.werror);
		f.put("rules", o.rules);
		f.put("quiet", o.quiet);
		f.put("verbose", o.verbose);
	}

	/** Main.run through the fast path prints and exits as picocli's execute does, and writes the same files. */
	@Test
	void aCheckAndAGenerateRunTheSameEitherWay(@TempDir Path tmp) throws Exception {
		String example = CliRun.root().resolve("examples/qemu/dom0-two-domus.tess").toString();
		String broken = tmp.resolve("broken.tess").toString();
		Files.writeString(Path.of(broken), "system s { nonsense }\n");
		for (List<String> args : List.of(List.of("check", example), List.of("check", example, "--format", "json", "-W", "nosuch=off"),
				List.of("check", broken, example), List.of("check", tmp.resolve("missing.tess").toString()),
				List.of("generate", example, "-o", tmp.resolve("OUT").toString(), "--format=sarif"),
				List.of("generate", broken, "-o", tmp.resolve("OUT").toString()))) {
			String[] viaPicocli = args.stream().map(s -> s.replace("OUT", "picocli")).toArray(String[]::new);
			String[] viaFast = args.stream().map(s -> s.replace("OUT", "fast")).toArray(String[]::new);
			assertNotNull(FastPath.parse(viaFast));
			CliRun picocli = CliRun.of(viaPicocli);
			String[] fast = runMain(viaFast);
			assertEquals(picocli.exit + "\n" + picocli.out + "\n" + picocli.err.replace("picocli", "fast"), fast[0] + "\n" + fast[1] + "\n" + fast[2],
					String.join(" ", args));
		}
		Path p = tmp.resolve("picocli"), f = tmp.resolve("fast");
		try (Stream<Path> files = Files.walk(p)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path other = f.resolve(p.relativize(file));
				assertEquals(-1L, Files.mismatch(file, other), p.relativize(file).toString());
			}
		}
	}

	/** Main.run with System.out and System.err captured: the fast path's writers are made on them, as picocli's are. */
	private static String[] runMain(String... args) {
		PrintStream out = System.out, err = System.err;
		ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
			int code = Main.run(args);
			return new String[] { String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8) };
		} finally {
			System.setOut(out);
			System.setErr(err);
		}
	}
}
