package dev.tessera.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.diag.SeverityPolicy;
import dev.tessera.pipeline.ProjectSettings;
import picocli.CommandLine.Option;

/** How check and generate report: the format, which warnings count as errors, how much they say. */
final class DiagnosticOptions {
	enum Format {
		text, json, sarif
	}

	@Option(names = "--format", paramLabel = "FORMAT", description = "text (file:line:col: severity: message [rule], as gcc writes it), "
			+ "json or sarif (SARIF 2.1.0) on standard output; default: ${DEFAULT-VALUE}")
	Format format = Format.text;

	@Option(names = "--werror", description = "every warning is an error")
	boolean werror;

	@Option(names = "-W", paramLabel = "RULE=LEVEL", description = "make a warning rule off, warning or error (repeatable); "
			+ "over the project file's rules (" + ProjectSettings.FILE + ")")
	List<String> rules = new ArrayList<>();

	@Option(names = { "-q", "--quiet" }, description = "print diagnostics only, no summary")
	boolean quiet;

	@Option(names = { "-v", "--verbose" }, description = "also say which project file and settings apply")
	boolean verbose;

	/**
	 * The policy for files of this folder: the nearest project file's, with the command line's on top; problems with
	 * either (a bad -W, an unknown rule, an error asked to be less) go into {@code problems}.
	 */
	SeverityPolicy policy(Path anyFile, List<String> problems, List<String> notes) {
		ProjectSettings project = ProjectSettings.forFile(anyFile);
		if (project.file() != null) notes.add("settings from " + project.file());
		Map<String, String> levels = new LinkedHashMap<>();
		for (String w : rules) {
			int eq = w.indexOf('=');
			if (eq < 0) problems.add("-W " + w + ": write RULE=off, RULE=warning or RULE=error");
			else levels.put(w.substring(0, eq), w.substring(eq + 1));
		}
		SeverityPolicy p = ProjectSettings.policyFor(anyFile, levels, werror, "-W: ", problems);
		if (!p.isDefault())
			notes.add("rules " + p.rules().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().label()).toList()
					+ (p.werror() ? ", every warning an error" : ""));
		return p;
	}

}
