package dev.tessera.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import dev.tessera.process.ExternalProgram;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints; runs the real device-tree tools on its output. */
final class CliRun {
	final int exit;
	final String out;
	final String err;

	private CliRun(int exit, String out, String err) {
		this.exit = exit;
		this.out = out;
		this.err = err;
	}

	static CliRun of(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cli = Main.commandLine(args);
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		int code = cli.execute(args);
		return new CliRun(code, out.toString(), err.toString());
	}

	/** Generates a shipped example (path under the repository root) into {@code out}, which must succeed. */
	static Path generated(String example, Path out) {
		CliRun run = of("generate", root().resolve(example).toString(), "-o", out.toString());
		if (run.exit != 0) throw new AssertionError(example + " did not generate (exit " + run.exit + "):\n" + run.out + run.err);
		return out;
	}

	/** Repository root: the CLI module's parent. */
	static Path root() {
		Path p = Path.of("").toAbsolutePath();
		return p.getFileName().toString().equals("cli") ? p.getParent() : p;
	}

	static String tool(Path dir, String program, String... args) {
		ExternalProgram.Result r = new ExternalProgram(program, "device-tree-compiler / u-boot-tools").run(dir, args);
		if (r.exitCode() != 0) throw new AssertionError(program + " " + String.join(" ", args) + " failed: " + r.stderr());
		return r.stdout().strip();
	}

	/** fdtget -t s / -t x value of a property, as the real tool reads it back from the DTB. */
	static String fdtget(Path dtb, String type, String node, String prop) {
		return tool(dtb.getParent(), "fdtget", "-t", type, dtb.toString(), node, prop);
	}
}
