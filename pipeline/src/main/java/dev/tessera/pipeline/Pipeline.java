package dev.tessera.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.Finding;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.diag.SeverityPolicy;
import dev.tessera.core.resolve.BootFileSearch;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.resolve.Resolution;
import dev.tessera.core.resolve.Resolver;
import dev.tessera.core.rules.PipelineRules;
import dev.tessera.core.rules.xen.XenBuildHasFeatures;
import dev.tessera.core.time.Phases;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenBuild;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.generators.SystemGenerator;
import dev.tessera.generators.manifest.ManifestWriter.Artifact;
import dev.tessera.generators.output.StagedOutput;
import dev.tessera.generators.tools.FlaskPolicyCompiler;
import dev.tessera.generators.tools.ToolFailedException;
import dev.tessera.model.Board;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFile;
import dev.tessera.model.TesseraPackage;
import dev.tessera.model.XenSettings;

/**
 * The whole headless job, in five stages: <b>load</b> the files, <b>validate</b> them with every rule, <b>resolve</b>
 * the system into a plan, <b>render</b> the plan into a staging folder (templates, dtc, mkimage), <b>write</b> it
 * over the output folder in one move. Each stage reports diagnostics; the first stage with an error stops the
 * pipeline before anything is written. The CLI, the language server, the boot harness and build plugins run this.
 */
public final class Pipeline {
	private final ModelLoader loader = new ModelLoader();
	/** Made by the first render: FreeMarker's configuration is ~80 ms of a cold start that a check never uses. */
	private SystemGenerator generator;

	private synchronized SystemGenerator generator() {
		if (generator == null) generator = new SystemGenerator();
		return generator;
	}

	/**
	 * What to generate.
	 *
	 * @param systemName which system of the file (null: its only one)
	 * @param filesDir   where the boot files are measured (null: the system file's folder)
	 * @param overrides  what the caller boots instead of what the file says
	 * @param xenBuild   the configuration of the Xen the system will boot, when known: the system is checked against it
	 * @param policy     what the build makes of warnings (rules off, made errors, --werror)
	 */
	public record Request(Path systemFile, String systemName, Path filesDir, Path outputDir, BootOverrides overrides, XenBuild xenBuild,
			SeverityPolicy policy, List<Path> moreFileFolders, Map<String, Path> fileOverrides, Products products, Path xenSource) {
		public Request(Path systemFile, String systemName, Path filesDir, Path outputDir) {
			this(systemFile, systemName, filesDir, outputDir, BootOverrides.NONE, null, SeverityPolicy.DEFAULT, List.of(), Map.of(), Products.SYSTEM, null);
		}

		/** The Xen source tree a FLASK policy is compiled against (its tools/flask/policy and xen/xsm/flask/policy). */
		public Request withXenSource(Path source) {
			return new Request(systemFile, systemName, filesDir, outputDir, overrides, xenBuild, policy, moreFileFolders, fileOverrides, products, source);
		}

		/** The Xen source tree given, else the environment's TESSERA_XEN_SOURCE, else null. */
		Path xenSourceOrEnvironment() {
			if (xenSource != null) return xenSource;
			String env = java.lang.System.getenv("TESSERA_XEN_SOURCE");
			return env == null || env.isBlank() ? null : Path.of(env);
		}

		public Request withOverrides(BootOverrides o) {
			return new Request(systemFile, systemName, filesDir, outputDir, o, xenBuild, policy, moreFileFolders, fileOverrides, products, xenSource);
		}

		public Request withXenBuild(XenBuild b) {
			return new Request(systemFile, systemName, filesDir, outputDir, overrides, b, policy, moreFileFolders, fileOverrides, products, xenSource);
		}

		public Request withPolicy(SeverityPolicy p) {
			return new Request(systemFile, systemName, filesDir, outputDir, overrides, xenBuild, p, moreFileFolders, fileOverrides, products, xenSource);
		}

		/** Boot files are looked up in {@link #files()}, then in these folders in order; a file named here is taken from its path. */
		public Request withFileSearch(List<Path> more, Map<String, Path> byName) {
			return new Request(systemFile, systemName, filesDir, outputDir, overrides, xenBuild, policy, List.copyOf(more), Map.copyOf(byName), products, xenSource);
		}

		/** Which variants of the system to generate (default: the system as written). */
		public Request withProducts(Products p) {
			return new Request(systemFile, systemName, filesDir, outputDir, overrides, xenBuild, policy, moreFileFolders, fileOverrides, p, xenSource);
		}

		BootFileSearch search() {
			List<Path> folders = new ArrayList<>();
			folders.add(files());
			folders.addAll(moreFileFolders);
			return new BootFileSearch(folders, fileOverrides);
		}

		Path files() {
			if (filesDir != null) return filesDir;
			Path p = systemFile.toAbsolutePath().getParent();
			return p != null ? p : Path.of(".");
		}
	}

	/** A system file read, its system picked, nothing validated yet: what a caller inspects before generating. */
	public record LoadedSystem(Path file, ModelLoader.Loaded loaded, System system, List<Diagnostic> diagnostics) {
		public boolean ok() {
			return system != null && diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
		}
	}

	/** Why a run stopped other than by a diagnostic: the output folder is not Tessera's to replace, or a tool refused. */
	public record Stop(Reason reason, String message) {
		public enum Reason {
			/** the output folder may not be replaced (a usage error: nothing was read) */
			OUTPUT_REFUSED,
			/** dtc or mkimage refused what was rendered: nothing was written */
			TOOL_FAILED,
			/** a variant was asked for that the system does not declare (a usage error: nothing was written) */
			UNKNOWN_VARIANT
		}

		@Override
		public String toString() {
			return reason == Reason.TOOL_FAILED ? message + "; nothing was written" : message;
		}
	}

	/**
	 * What a run produced: diagnostics; the plan once resolution succeeded; the files written (empty unless every
	 * stage succeeded); why it stopped when that was not a diagnostic.
	 */
	public record Outcome(List<Diagnostic> diagnostics, Plan plan, List<Artifact> artifacts, Stop stop, List<RunInputs.Input> inputs) {
		public Outcome(List<Diagnostic> diagnostics, Plan plan, List<Artifact> artifacts, Stop stop) {
			this(diagnostics, plan, artifacts, stop, List.of());
		}

		public boolean failed() {
			return stop != null || diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
		}

		static Outcome stopped(List<Diagnostic> diagnostics) {
			return new Outcome(List.copyOf(diagnostics), null, List.of(), null);
		}
	}

	/** Loads and validates board and system files, each with what it imports. */
	public List<ModelLoader.Loaded> check(List<Path> files) {
		return loader.load(files);
	}

	/** Stage 1: load the file and pick its system. Syntax errors show in {@link #generate}'s validation. */
	public LoadedSystem load(Path systemFile, String systemName) {
		ModelLoader.Loaded read = loader.read(List.of(systemFile)).get(0);
		List<Diagnostic> diags = new ArrayList<>();
		if (read.model() == null) {
			ModelLoader.Loaded validated = loader.validate(read);
			return new LoadedSystem(systemFile, validated, null, validated.diagnostics());
		}
		List<System> systems = read.model().getElements().stream().filter(System.class::isInstance).map(System.class::cast)
				.filter(s -> systemName == null || systemName.equals(s.getName())).toList();
		if (systems.size() != 1) {
			// what is wrong with the file comes first; a file that does not parse may hide its system
			diags.addAll(loader.validate(read).diagnostics());
			if (diags.stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
				String msg = systems.isEmpty()
						? (systemName == null ? "the file declares no system to generate" : "the file declares no system '" + systemName + "'")
						: "the file declares " + systems.size() + " systems: choose one with --system";
				diags.add(new Diagnostic(systemFile.toString(), 1, 1, Severity.ERROR, PipelineRules.NO_SYSTEM.id(), msg));
			}
			return new LoadedSystem(systemFile, read, null, diags);
		}
		return new LoadedSystem(systemFile, read, systems.get(0), diags);
	}

	public Outcome generate(Request r) {
		String refusal = OutputFolder.refusal(r.outputDir(), r.systemFile());
		if (refusal != null) return new Outcome(List.of(), null, List.of(), new Stop(Stop.Reason.OUTPUT_REFUSED, refusal));
		return generate(load(r.systemFile(), r.systemName()), r);
	}

	/** Stages 2 to 5 on a loaded system; {@code r.systemFile()} and {@code r.systemName()} are not read again. */
	public Outcome generate(LoadedSystem loaded, Request r) {
		if (loaded.system() == null) return Outcome.stopped(loaded.diagnostics());
		System system = loaded.system();
		// a variant the system does not declare is a usage error, reported before what is wrong with the file
		List<Product> products = new ArrayList<>();
		String unknown = Product.unknown(system, r.products());
		if (unknown != null) return new Outcome(loaded.diagnostics(), null, List.of(), new Stop(Stop.Reason.UNKNOWN_VARIANT, unknown), List.of());
		r.overrides().applyTo(system);

		// validate the file (the system and every variant of it), and against the Xen build when it is known
		List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics());
		diags.addAll(loader.validate(loaded.loaded()).diagnostics());
		diags.addAll(importedBoardDiagnostics(system, loaded));
		diags = new ArrayList<>(r.policy().apply(diags));
		if (diags.stream().anyMatch(d -> d.severity() == Severity.ERROR)) return Outcome.stopped(diags);
		Product.select(system, r.products(), products);
		if (r.xenBuild() != null) {
			List<Diagnostic> build = new ArrayList<>();
			for (Product p : products) {
				Findings found = new Findings();
				XenBuildHasFeatures.check(p.system(), r.xenBuild(), found);
				for (Finding f : found.all()) build.add(ModelLoader.locate(loaded.file(), p.toSource(f)));
			}
			diags.addAll(r.policy().apply(build.stream().distinct().toList()));
			if (diags.stream().anyMatch(d -> d.severity() == Severity.ERROR)) return Outcome.stopped(diags);
		}

		// a FLASK policy needs the target Xen's policy sources
		Path xenSource = r.xenSourceOrEnvironment();
		List<Diagnostic> sources = new ArrayList<>();
		for (Product p : products) {
			if (!Systems.flask(p.system())) continue;
			XenSettings x = p.system().getXen();
			String problem = flaskSourceProblem(xenSource, Systems.xenVersion(p.system()));
			if (problem == null) continue;
			Findings found = new Findings();
			found.report(PipelineRules.FLASK_SOURCE, x, TesseraPackage.Literals.XEN_SETTINGS__XSM, "system '" + p.system().getName()
					+ "' declares xsm flask: " + problem);
			for (Finding f : found.all()) sources.add(ModelLoader.locate(loaded.file(), p.toSource(f)));
		}
		diags.addAll(r.policy().apply(sources.stream().distinct().toList()));
		if (diags.stream().anyMatch(d -> d.severity() == Severity.ERROR)) return Outcome.stopped(diags);

		// resolve every product before anything is rendered: one that fails stops them all
		BootFileSearch search = r.search();
		List<Resolution> resolutions = new ArrayList<>();
		List<byte[]> boardTrees = new ArrayList<>();
		for (Product p : products) {
			Resolution resolution;
			try (var t = Phases.start("resolve")) {
				resolution = new Resolver(search).resolve(p.system());
			}
			List<Diagnostic> resolved = new ArrayList<>();
			for (Finding f : resolution.findings().all()) resolved.add(ModelLoader.locate(loaded.file(), p.toSource(f)));
			diags.addAll(r.policy().apply(resolved));
			resolutions.add(resolution);
			if (!resolution.ok()) continue;
			boardTrees.add(readBoardDeviceTree(p.system().getBoard(), loaded.file(), diags));
		}
		if (resolutions.stream().anyMatch(x -> !x.ok()) || boardTrees.contains(null) || diags.stream().anyMatch(d -> d.severity() == Severity.ERROR))
			return Outcome.stopped(diags);

		// render into a staging folder (one folder per product when there are several), then write it over the output
		// folder in one move
		List<RunInputs.Input> inputs = new ArrayList<>();
		List<Artifact> artifacts = new ArrayList<>();
		try (StagedOutput out = new StagedOutput(r.outputDir())) {
			for (int i = 0; i < products.size(); i++) {
				Product p = products.get(i);
				List<RunInputs.Input> read = RunInputs.of(loaded, p.system().getBoard(), boardTrees.get(i), search);
				for (RunInputs.Input in : read) if (!inputs.contains(in)) inputs.add(in);
				String folder = r.products().inFolders() ? p.name() : null;
				StagedOutput target = folder == null ? out : out.folder(folder);
				Plan plan = p.variant() == null ? resolutions.get(i).plan() : resolutions.get(i).plan().ofVariant(p.name());
				List<Artifact> rendered;
				try (var t = Phases.start("render")) {
					rendered = generator().render(plan, boardTrees.get(i), target, RunInputs.forManifest(read, r.systemFile()), xenSource);
				}
				for (Artifact a : rendered) artifacts.add(folder == null ? a : new Artifact(folder + "/" + a.path(), a.role()));
				if (folder != null) artifacts.add(new Artifact(folder + "/manifest.yaml", Product.MANIFEST));
			}
			try (var t = Phases.start("write")) {
				out.commit();
			}
			return new Outcome(List.copyOf(diags), resolutions.get(0).plan(), List.copyOf(artifacts), null, List.copyOf(inputs));
		} catch (ToolFailedException e) {
			return new Outcome(List.copyOf(diags), resolutions.get(0).plan(), List.of(), new Stop(Stop.Reason.TOOL_FAILED, e.getMessage()));
		}
	}

	/** Why a folder cannot serve to compile a FLASK policy for Xen {@code target}, or null when it can. */
	static String flaskSourceProblem(Path source, XenVersion target) {
		if (source == null)
			return "its policy is compiled against Xen " + target + "'s policy sources, and none were given (--xen-source DIR "
					+ "or TESSERA_XEN_SOURCE; Debian: apt-get source xen)";
		if (!FlaskPolicyCompiler.hasPolicySources(source))
			return "'" + source + "' is not a Xen source tree with its FLASK policy sources (xen/xsm/flask/policy/access_vectors, "
					+ "tools/flask/policy/modules/xen.if)";
		try {
			XenVersion v = FlaskPolicyCompiler.versionOf(source);
			if (!v.equals(target))
				return "the Xen sources in '" + source + "' are Xen " + v + "'s, and the system targets Xen " + target
						+ ": a policy names the classes and permissions of the hypervisor that loads it, so compile against " + target + "'s";
		} catch (java.io.IOException e) {
			return "cannot read the Xen version of '" + source + "': " + e.getMessage();
		}
		return null;
	}

	/**
	 * The board's own rules when the board is in another file of the user's (validation checks the file it is given):
	 * without this a board file's errors (a path dtc cannot read, overlapping RAM) reached the outputs unreported.
	 */
	private List<Diagnostic> importedBoardDiagnostics(System system, LoadedSystem loaded) {
		Board b = system.getBoard();
		if (b == null || b.eIsProxy() || b.eResource() == null || b.eResource() == loaded.loaded().resource()) return List.of();
		URI uri = b.eResource().getURI();
		if (!uri.isFile()) return List.of(); // the shipped library, whose boards its own tests check
		var model = b.eResource().getContents().isEmpty() ? null : b.eResource().getContents().get(0);
		return loader.validate(new ModelLoader.Loaded(Path.of(uri.toFileString()), b.eResource(),
				model instanceof TesseraFile tf ? tf : null, List.of())).diagnostics();
	}

	private static byte[] readBoardDeviceTree(Board board, Path systemFile, List<Diagnostic> diags) {
		String name = board.getDeviceTree();
		URI boardUri = board.eResource().getURI();
		if (name == null || name.isBlank()) {
			diags.add(ModelLoader.locate(systemFile, new Finding(PipelineRules.BOARD_DTS, "board '" + board.getName()
					+ "' names no device tree ('device-tree \"<file>.dts\"'), so there is nothing for Xen to boot with",
					null, null, -1)));
			return null;
		}
		URI dts = URI.createURI(name).resolve(boardUri);
		try (InputStream in = board.eResource().getResourceSet().getURIConverter().createInputStream(dts)) {
			return in.readAllBytes();
		} catch (IOException e) {
			diags.add(new Diagnostic(systemFile.toString(), 1, 1, Severity.ERROR, PipelineRules.BOARD_DTS.id(), "cannot read the device tree '"
					+ name + "' of board '" + board.getName() + "' (" + dts + ")"));
			return null;
		}
	}

	/** Whether a path is a file the pipeline can read (the CLI refuses others before anything runs). */
	public static boolean readable(Path p) {
		return Files.isRegularFile(p) && Files.isReadable(p);
	}
}
