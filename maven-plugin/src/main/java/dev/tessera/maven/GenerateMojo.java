package dev.tessera.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.tessera.pipeline.DependencyFile;
import dev.tessera.pipeline.Pipeline;
import dev.tessera.pipeline.Products;

/**
 * {@code tessera:generate}: each system into {@code outputDirectory/<file name>}, with a dependency file beside it; a
 * system whose dependency file says nothing changed since is skipped (an input newer than the outputs, or one gone,
 * runs it again). Settings changed in the pom do not count as a change: {@code -Dtessera.force} runs every system.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends TesseraMojo {
	@Parameter(defaultValue = "${project.build.directory}/tessera", required = true)
	File outputDirectory;

	/** Where the kernels, ramdisks and Xen image are, searched in order (default: each system file's folder). */
	@Parameter
	List<File> files = new ArrayList<>();

	@Parameter(property = "tessera.force", defaultValue = "false")
	boolean force;

	/**
	 * Which products of each system's line: variant names (one is written into the system's folder itself, several each
	 * into a folder of its own there, the system's own name selecting the system as written), or {@code *} for the
	 * system and every variant, each into a folder of its own. None: the system as written.
	 */
	@Parameter(property = "tessera.variants")
	List<String> variants = new ArrayList<>();

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) return;
		for (File d : files)
			if (!d.isDirectory()) throw new MojoExecutionException("tessera: <files> " + d + ": no such folder");
		int failed = 0;
		for (File system : systems) {
			if (!system.isFile()) throw new MojoExecutionException("tessera: cannot read " + system + ": no such file");
			String name = system.getName().replaceFirst("\\.tess$", "");
			Path out = outputDirectory.toPath().resolve(name), dep = outputDirectory.toPath().resolve(name + ".d");
			if (!force && DependencyFile.upToDate(dep)) {
				getLog().info("tessera: " + name + " is up to date (" + dep + ")");
				continue;
			}
			List<Path> folders = files.stream().map(File::toPath).toList();
			Pipeline.Request request = new Pipeline.Request(system.toPath(), null, folders.isEmpty() ? null : folders.get(0), out)
					.withPolicy(policy(system.toPath())).withFileSearch(folders.isEmpty() ? List.of() : folders.subList(1, folders.size()), java.util.Map.of())
					.withProducts(variants.contains("*") ? Products.allVariants() : Products.named(variants));
			Pipeline.Outcome o = new Pipeline().generate(request);
			int errors = log(o.diagnostics());
			if (o.stop() != null && o.stop().reason() == Pipeline.Stop.Reason.UNKNOWN_VARIANT)
				throw new MojoExecutionException("tessera: <variants>: " + o.stop());
			if (o.stop() != null) {
				getLog().error("tessera: " + o.stop());
				failed++;
			} else if (errors > 0 || o.failed()) {
				getLog().error("tessera: " + name + ": " + errors + " error(s); nothing was written");
				failed++;
			} else {
				try {
					DependencyFile.write(dep, out, o);
				} catch (IOException e) {
					throw new MojoExecutionException("tessera: cannot write " + dep + ": " + e.getMessage(), e);
				}
				getLog().info("tessera: wrote " + o.artifacts().size() + " files and manifest.yaml to " + out);
			}
		}
		if (failed > 0) throw new MojoFailureException("tessera: " + failed + " system(s) failed");
	}
}
