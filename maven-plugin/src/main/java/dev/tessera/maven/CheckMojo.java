package dev.tessera.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.pipeline.Pipeline;

/** {@code tessera:check}: every rule over the project's .tess files; an error fails the build. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends TesseraMojo {
	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) return;
		List<java.nio.file.Path> files = new ArrayList<>();
		for (File f : systems) {
			if (!f.isFile()) throw new MojoExecutionException("tessera: cannot read " + f + ": no such file");
			files.add(f.toPath());
		}
		var policy = policy(files.get(0));
		List<Diagnostic> all = new ArrayList<>();
		new Pipeline().check(files).forEach(l -> all.addAll(l.diagnostics()));
		int errors = log(policy.apply(all));
		if (errors > 0) throw new MojoFailureException("tessera: " + errors + " error(s) in " + files.size() + " file(s)");
		getLog().info("tessera: " + files.size() + " file(s) checked");
	}
}
