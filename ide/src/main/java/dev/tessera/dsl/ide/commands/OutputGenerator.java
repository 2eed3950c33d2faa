package dev.tessera.dsl.ide.commands;

import java.nio.file.Path;
import java.util.List;

/**
 * Generates the outputs of a system file: what the {@code tessera.generate} command runs. The CLI module provides
 * the implementation (its Pipeline, the same as {@code tessera generate}) through
 * {@code META-INF/services/dev.tessera.dsl.ide.commands.OutputGenerator}, so the language server shares the CLI's
 * generation without depending on the CLI module.
 */
public interface OutputGenerator {
	/**
	 * @param ok        true when every file was written
	 * @param output    the output folder
	 * @param files     the files written (relative to output)
	 * @param problems  diagnostics as the CLI prints them (file:line:col: severity [rule] message)
	 */
	record Result(boolean ok, String output, List<String> files, List<String> problems) {
	}

	Result generate(Path systemFile, String systemName, Path outputDir);
}
