package dev.tessera.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tessera.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Validate board and system files with every rule of the catalogue; print what is wrong.")
final class CheckCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	/** Where it prints when {@link FastPath} read the command line; null: picocli's writers. */
	private java.io.PrintWriter out, err;

	void setWriters(java.io.PrintWriter out, java.io.PrintWriter err) {
		this.out = out;
		this.err = err;
	}

	@Parameters(arity = "1..*", paramLabel = "FILE", description = ".tess files (board or system)")
	List<Path> files;

	@Mixin
	DiagnosticOptions options;

	@Override
	public Integer call() {
		var err = this.err != null ? this.err : spec.commandLine().getErr();
		for (Path f : files)
			if (!Pipeline.readable(f)) {
				err.println("tessera: cannot read " + f + ": no such file");
				return Main.USAGE;
			}
		Reporter reporter = new Reporter(out != null ? out : spec.commandLine().getOut(), err, options);
		List<String> problems = new ArrayList<>(), notes = new ArrayList<>();
		dev.tessera.core.diag.SeverityPolicy policy;
		try (var t = dev.tessera.core.time.Phases.start("settings")) {
			policy = options.policy(files.get(0), problems, notes);
		}
		if (!problems.isEmpty()) {
			problems.forEach(p -> err.println("tessera: " + p));
			return Main.USAGE;
		}
		notes.forEach(reporter::note);
		List<dev.tessera.core.diag.Diagnostic> all = new ArrayList<>();
		new Pipeline().check(files).forEach(l -> all.addAll(l.diagnostics()));
		reporter.report(policy.apply(all));
		reporter.say("tessera: " + files.size() + " file(s) checked, " + reporter.summary());
		return reporter.status();
	}
}
