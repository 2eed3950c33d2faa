package dev.tessera.cli;

import java.nio.file.Path;
import java.util.List;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.dsl.ide.commands.OutputGenerator;
import dev.tessera.generators.tools.ToolFailedException;
import dev.tessera.process.ProgramNotInstalledException;

/** The language server's generate command, run by the same {@link Pipeline} as {@code tessera generate}. */
public final class PipelineOutputs implements OutputGenerator {
	@Override
	public Result generate(Path systemFile, String systemName, Path outputDir) {
		try {
			Pipeline.Outcome outcome = new Pipeline().generate(systemFile, systemName, null, outputDir);
			List<String> problems = outcome.diagnostics().stream().sorted(Diagnostic.ORDER).distinct().map(Diagnostic::format).toList();
			List<String> files = outcome.artifacts().stream().map(a -> a.path()).toList();
			return new Result(!outcome.failed(), outputDir.toString(), files, problems);
		} catch (ProgramNotInstalledException | ToolFailedException e) {
			return new Result(false, outputDir.toString(), List.of(), List.of("tessera: " + e.getMessage()));
		}
	}
}
