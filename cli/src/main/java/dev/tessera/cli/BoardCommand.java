package dev.tessera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tessera.importer.BoardImporter;
import dev.tessera.importer.DtDiagnostic;
import dev.tessera.importer.ImportException;
import dev.tessera.model.Arch;
import picocli.CommandLine;
import dev.tessera.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tessera board import}: boards from device trees. */
@Command(name = "board", mixinStandardHelpOptions = true, description = "Work with boards: import one from its device tree.",
		subcommands = { BoardCommand.Import.class })
final class BoardCommand implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "name a board command: import");
	}

	/** The language's keywords, from its grammar: a device named like one is written with the '^' escape. */
	static java.util.Set<String> keywords() {
		var grammar = dev.tessera.dsl.load.ModelLoader.injector().getInstance(org.eclipse.xtext.IGrammarAccess.class).getGrammar();
		return org.eclipse.xtext.GrammarUtil.getAllKeywords(grammar);
	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = { "Build a board file from a device tree: a kernel .dts (preprocessed like the kernel's build does, "
					+ "then read with dtc) or a .dtb.",
					"Writes FILE.tess and, beside it, FILE.dts: the self-contained flattened tree Xen boots with.",
					"Exit status: 0 imported, 1 the device tree has errors (printed as file:line: error: node …), 2 wrong usage or a missing tool." })
	static final class Import implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "FILE", description = "the board's device tree: .dts (with #include and macros) or .dtb")
		Path input;

		@Option(names = { "-I", "--include" }, paramLabel = "DIR",
				description = "an include directory for #include and /include/ (repeatable); inside a Linux tree its scripts/dtc/include-prefixes is added by itself")
		List<Path> includes = new ArrayList<>();

		@Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE.tess", description = "the board file to write")
		Path output;

		@Option(names = "--name", paramLabel = "NAME", description = "the board's name (default: the output file's name)")
		String name;

		@Option(names = "--source", paramLabel = "TEXT",
				description = "where the facts come from, for the board's 'source' (repeatable; default: the kernel file and version)")
		List<String> sources = new ArrayList<>();

		@Option(names = "--arch", paramLabel = "ARCH", description = "aarch64 or arm32 (default: from arch/arm64 or arch/arm, else from the CPUs)")
		String arch;

		@Override
		public Integer call() {
			var err = spec.commandLine().getErr();
			if (!Pipeline.readable(input)) {
				err.println("tessera: cannot read " + input + ": no such file");
				return Main.USAGE;
			}
			String file = output.getFileName().toString();
			if (!file.endsWith(".tess")) {
				err.println("tessera: the output must be a .tess file: " + output);
				return Main.USAGE;
			}
			Arch a = null;
			if (arch != null) {
				a = Arch.get(arch);
				if (a == null) {
					err.println("tessera: --arch is aarch64 or arm32, not " + arch);
					return Main.USAGE;
				}
			}
			String base = file.substring(0, file.length() - ".tess".length());
			String dtsName = base + ".dts";
			BoardImporter.Result r;
			try {
				r = new BoardImporter(keywords()).importBoard(new BoardImporter.Request(input, includes, name != null ? name : base, dtsName, sources, a));
			} catch (ImportException e) {
				e.diagnostics().forEach(d -> err.println(d.format()));
				boolean tool = e.diagnostics().stream().anyMatch(d -> d.message().contains("is not installed"));
				err.println("tessera: " + input + " was not imported (" + e.diagnostics().size() + " error(s))");
				err.flush();
				return tool ? Main.USAGE : Main.MODEL_ERRORS;
			}
			r.warnings().forEach(d -> err.println(d.format()));
			try {
				Path dir = output.toAbsolutePath().getParent();
				if (dir != null) Files.createDirectories(dir);
				Files.writeString(output, r.boardText(), StandardCharsets.UTF_8);
				Files.writeString(output.resolveSibling(dtsName), r.deviceTree(), StandardCharsets.UTF_8);
			} catch (IOException e) {
				err.println("tessera: cannot write " + output + ": " + e.getMessage());
				return Main.USAGE;
			}
			var b = r.board();
			spec.commandLine().getOut().println("tessera: imported board '" + b.getName() + "': " + b.getClusters().stream()
					.mapToInt(c -> c.getCpus().size()).sum() + " CPU(s), " + b.getRam().size() + " RAM bank(s), " + b.getIommus().size()
					+ " IOMMU(s), " + b.getDevices().size() + " device(s), " + r.warnings().size() + " warning(s) -> " + output + ", "
					+ output.resolveSibling(dtsName));
			return Main.OK;
		}
	}
}
