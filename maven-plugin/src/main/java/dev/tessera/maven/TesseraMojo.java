package dev.tessera.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.diag.SeverityPolicy;
import dev.tessera.pipeline.ProjectSettings;

/** What check and generate share: the system files, the rule settings, how diagnostics reach Maven's log. */
abstract class TesseraMojo extends AbstractMojo {
	/** The .tess files of the systems (and boards) of the project. */
	@Parameter(required = true)
	List<File> systems = new ArrayList<>();

	/** Every warning is an error. */
	@Parameter(property = "tessera.werror", defaultValue = "false")
	boolean werror;

	/** Rule id to off, warning or error, over the project file's (.tessera.yaml) settings. */
	@Parameter
	Map<String, String> rules = new LinkedHashMap<>();

	@Parameter(property = "tessera.skip", defaultValue = "false")
	boolean skip;

	/** The project file's settings for this file with the plugin's on top; bad settings stop the build. */
	SeverityPolicy policy(Path file) throws MojoExecutionException {
		List<String> problems = new ArrayList<>();
		SeverityPolicy policy = ProjectSettings.policyFor(file, rules, werror, "<rules>: ", problems);
		if (!problems.isEmpty()) throw new MojoExecutionException("tessera: " + String.join("; ", problems));
		return policy;
	}


	/** Diagnostics into Maven's log, in gcc's layout; the number of errors. */
	int log(List<Diagnostic> diagnostics) {
		int errors = 0;
		for (Diagnostic d : diagnostics.stream().sorted(Diagnostic.ORDER).distinct().toList()) {
			if (d.severity() == Severity.ERROR) {
				errors++;
				getLog().error(d.format());
			} else getLog().warn(d.format());
		}
		return errors;
	}
}
