package dev.tessera.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.Finding;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.plan.FileProbe;
import dev.tessera.core.plan.Resolution;
import dev.tessera.core.plan.Resolver;
import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.generators.SystemGenerator;
import dev.tessera.generators.manifest.ManifestWriter.Artifact;
import dev.tessera.model.Board;
import dev.tessera.model.System;

/**
 * Parse, validate, resolve, generate: the whole headless job, shared by the CLI, the tests and the benchmarks.
 * Every step reports diagnostics; the first step with an error stops the pipeline before anything is written.
 */
public final class Pipeline {
	public static final RuleInfo NO_SYSTEM = new RuleInfo("file.no-system", Severity.ERROR,
			"The file given to generate declares one system",
			"generate turns one system into its files; a board file, or a file with several systems, needs --system.");
	public static final RuleInfo BOARD_DTS = new RuleInfo("board.device-tree", Severity.ERROR,
			"The board's device tree can be read",
			"The host device tree is the board's own tree with Xen's /chosen added: without it nothing can boot.");

	private final ModelLoader loader = new ModelLoader();
	private final SystemGenerator generator = new SystemGenerator();

	/** What a run produced: diagnostics, and artifacts when generation happened. */
	public record Outcome(List<Diagnostic> diagnostics, List<Artifact> artifacts, dev.tessera.core.plan.Plan plan) {
		Outcome(List<Diagnostic> diagnostics, List<Artifact> artifacts) {
			this(diagnostics, artifacts, null);
		}

		public boolean failed() {
			return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
		}
	}

	public Outcome generate(Path systemFile, String systemName, Path filesDir, Path outputDir) {
		return generate(systemFile, systemName, filesDir, outputDir, s -> { });
	}

	/**
	 * As above; {@code adjust} may change the validated system before it is resolved (the boot harness gives
	 * every domain its marker command line this way).
	 */
	public Outcome generate(Path systemFile, String systemName, Path filesDir, Path outputDir,
			java.util.function.Consumer<System> adjust) {
		ModelLoader.Loaded loaded = loader.load(systemFile);
		List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics());
		if (loaded.hasErrors() || loaded.model() == null) return new Outcome(diags, List.of());

		List<System> systems = loaded.model().getElements().stream().filter(System.class::isInstance).map(System.class::cast)
				.filter(s -> systemName == null || systemName.equals(s.getName())).toList();
		if (systems.size() != 1) {
			String msg = systems.isEmpty()
					? (systemName == null ? "the file declares no system to generate" : "the file declares no system '" + systemName + "'")
					: "the file declares " + systems.size() + " systems: choose one with --system";
			diags.add(new Diagnostic(systemFile.toString(), 1, 1, Severity.ERROR, NO_SYSTEM.id(), msg));
			return new Outcome(diags, List.of());
		}
		System system = systems.get(0);
		adjust.accept(system);
		Path files = filesDir != null ? filesDir : parentOf(systemFile);
		Resolution resolution = new Resolver(FileProbe.in(files)).resolve(system);
		for (Finding f : resolution.findings().all()) diags.add(ModelLoader.locate(systemFile, f));
		if (!resolution.ok()) return new Outcome(diags, List.of());

		byte[] boardDts = readBoardDeviceTree(system.getBoard(), systemFile, diags);
		if (boardDts == null) return new Outcome(diags, List.of());
		List<Artifact> artifacts = generator.generate(new SystemGenerator.Request(resolution.plan(), boardDts, outputDir));
		return new Outcome(diags, artifacts, resolution.plan());
	}

	public List<ModelLoader.Loaded> check(List<Path> files) {
		return loader.load(files);
	}

	private static byte[] readBoardDeviceTree(Board board, Path systemFile, List<Diagnostic> diags) {
		String name = board.getDeviceTree();
		URI boardUri = board.eResource().getURI();
		if (name == null || name.isBlank()) {
			diags.add(ModelLoader.locate(systemFile, new Finding(BOARD_DTS, "board '" + board.getName()
					+ "' names no device tree ('device-tree \"<file>.dts\"'), so there is nothing for Xen to boot with",
					null, null, -1)));
			return null;
		}
		URI dts = URI.createURI(name).resolve(boardUri);
		try (InputStream in = board.eResource().getResourceSet().getURIConverter().createInputStream(dts)) {
			return in.readAllBytes();
		} catch (IOException e) {
			diags.add(new Diagnostic(systemFile.toString(), 1, 1, Severity.ERROR, BOARD_DTS.id(), "cannot read the device tree '"
					+ name + "' of board '" + board.getName() + "' (" + dts + ")"));
			return null;
		}
	}

	private static Path parentOf(Path file) {
		Path p = file.toAbsolutePath().getParent();
		return p != null ? p : Path.of(".");
	}

	static boolean readable(Path p) {
		return Files.isRegularFile(p) && Files.isReadable(p);
	}
}
