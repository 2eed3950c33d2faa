package dev.tessera.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.tessera.core.xen.XenBuild;
import dev.tessera.pipeline.Pipeline;
import dev.tessera.pipeline.Products;
import dev.tessera.process.ProgramNotInstalledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Check a system and write every file its Xen image needs into DIR: host and passthrough device "
				+ "trees (compiled by dtc), boot.cmd/boot.scr (mkimage), uefi/xen.cfg, xl configs and manifest.yaml. "
				+ "Nothing is written when the system has errors.")
final class GenerateCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	/** Where it prints when {@link FastPath} read the command line; null: picocli's writers. */
	private java.io.PrintWriter out, err;

	void setWriters(java.io.PrintWriter out, java.io.PrintWriter err) {
		this.out = out;
		this.err = err;
	}

	@Parameters(index = "0", paramLabel = "SYSTEM.tess", description = "the file that declares the system")
	Path systemFile;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "output folder: new, empty, or an earlier Tessera output (replaced as a whole on success)")
	Path output;

	@Option(names = "--files", paramLabel = "DIR", description = "where the kernels, ramdisks and Xen image are, to measure them "
			+ "(repeatable: searched in order; default: the system file's folder). A folder that does not exist is an error")
	java.util.List<Path> files = new java.util.ArrayList<>();

	@Option(names = "--file", paramLabel = "NAME=PATH", description = "take the boot file the system names NAME from PATH (repeatable), "
			+ "over the --files folders")
	java.util.Map<String, Path> fileOverrides = new java.util.LinkedHashMap<>();

	@Option(names = { "-d", "--depfile" }, paramLabel = "FILE", description = "write a make dependency file: every output depends on "
			+ "every file the run read (the .tess files, the board's device tree, the measured boot files)")
	Path depfile;

	@Option(names = "--system", paramLabel = "NAME", description = "which system, when the file declares several")
	String system;

	@Option(names = "--xen-config", paramLabel = "FILE", description = "the Kconfig of the Xen build the system will boot (Debian's xen-*.config, "
			+ "or xen/.config of your build): a feature the build lacks is an error (rule xen.build) naming the option")
	Path xenConfig;

	@Option(names = "--xen-source", paramLabel = "DIR", description = "the source tree of the Xen the system boots (Debian: apt-get source xen): "
			+ "a system with 'xsm flask' has its policy compiled against it (default: $TESSERA_XEN_SOURCE)")
	Path xenSource;

	@Option(names = "--variant", paramLabel = "NAME", description = "generate this variant of the system instead of the system as written "
			+ "(repeatable: then each into DIR/NAME; the system's own name selects the system as written)")
	java.util.List<String> variants = new java.util.ArrayList<>();

	@Option(names = "--all-variants", description = "generate the system as written into DIR/<system> and every variant into DIR/<variant>, "
			+ "in one commit: nothing is written unless all succeed")
	boolean allVariants;

	@Mixin
	DiagnosticOptions options;

	@Override
	public Integer call() {
		var err = this.err != null ? this.err : spec.commandLine().getErr();
		if (!Pipeline.readable(systemFile)) {
			err.println("tessera: cannot read " + systemFile + ": no such file");
			return Main.USAGE;
		}
		Reporter reporter = new Reporter(out != null ? out : spec.commandLine().getOut(), err, options);
		java.util.List<String> problems = new java.util.ArrayList<>(), notes = new java.util.ArrayList<>();
		dev.tessera.core.diag.SeverityPolicy policy;
		try (var t = dev.tessera.core.time.Phases.start("settings")) {
			policy = options.policy(systemFile, problems, notes);
		}
		if (!problems.isEmpty()) {
			problems.forEach(p -> err.println("tessera: " + p));
			return Main.USAGE;
		}
		notes.forEach(reporter::note);
		if (allVariants && !variants.isEmpty()) {
			err.println("tessera: --variant and --all-variants exclude each other");
			return Main.USAGE;
		}
		for (Path dir : files)
			if (!java.nio.file.Files.isDirectory(dir)) {
				err.println("tessera: --files " + dir + ": no such folder");
				return Main.USAGE;
			}
		for (var f : fileOverrides.entrySet())
			if (!java.nio.file.Files.isRegularFile(f.getValue())) {
				err.println("tessera: --file " + f.getKey() + "=" + f.getValue() + ": no such file");
				return Main.USAGE;
			}
		try {
			Pipeline.Request request = new Pipeline.Request(systemFile, system, files.isEmpty() ? null : files.get(0), output)
					.withPolicy(policy).withFileSearch(files.isEmpty() ? java.util.List.of() : files.subList(1, files.size()), fileOverrides)
					.withProducts(allVariants ? Products.allVariants() : Products.named(variants)).withXenSource(xenSource);
			if (xenConfig != null) {
				if (!Pipeline.readable(xenConfig)) {
					err.println("tessera: cannot read the Xen configuration " + xenConfig + ": no such file");
					return Main.USAGE;
				}
				request = request.withXenBuild(XenBuild.read(xenConfig));
			}
			try (var t = dev.tessera.core.time.Phases.start("warm-up")) {
				dev.tessera.generators.SystemGenerator.warmUp(); // while the language is set up (Main)
			}
			Pipeline.Outcome outcome = new Pipeline().generate(request);
			reporter.report(outcome.diagnostics());
			if (outcome.stop() != null) {
				err.println("tessera: " + outcome.stop());
				var reason = outcome.stop().reason();
				return reason == Pipeline.Stop.Reason.OUTPUT_REFUSED || reason == Pipeline.Stop.Reason.UNKNOWN_VARIANT ? Main.USAGE : Main.MODEL_ERRORS;
			}
			if (outcome.failed()) {
				err.println("tessera: " + reporter.summary() + "; nothing was written");
				return Main.MODEL_ERRORS;
			}
			if (depfile != null) try {
				dev.tessera.pipeline.DependencyFile.write(depfile, output, outcome);
			} catch (java.io.IOException e) {
				err.println("tessera: cannot write the dependency file " + depfile + ": " + e.getMessage());
				return Main.USAGE;
			}
			outcome.inputs().forEach(i -> reporter.note("read " + (i.path() != null ? i.path() : i.name())));
			long manifests = outcome.artifacts().stream().filter(a -> a.path().endsWith("/manifest.yaml")).count();
			reporter.say("tessera: wrote " + (outcome.artifacts().size() - manifests) + " files and " + (manifests > 0 ? manifests + " manifests" : "manifest.yaml")
					+ " to " + output);
			return Main.OK;
		} catch (ProgramNotInstalledException e) {
			err.println("tessera: " + e.getMessage());
			return Main.USAGE;
		} catch (java.io.IOException e) {
			err.println("tessera: cannot read the Xen configuration " + xenConfig + ": " + e.getMessage());
			return Main.USAGE;
		}
	}
}
