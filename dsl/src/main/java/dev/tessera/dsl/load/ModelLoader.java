package dev.tessera.dsl.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;
import com.google.inject.Provider;

import dev.tessera.core.diag.Severity;
import dev.tessera.core.time.Phases;
import dev.tessera.dsl.TesseraStandaloneSetup;
import dev.tessera.dsl.validation.TesseraValidator;
import dev.tessera.model.TesseraFile;

/**
 * Reads .tess files headless and validates them with the same validator the editor uses: what the CLI, the
 * build and the benchmarks go through.
 */
public final class ModelLoader {
	private static Injector injector;
	private final Provider<XtextResourceSet> resourceSets;
	private final IResourceValidator validator;

	public ModelLoader() {
		try (var t = Phases.start("injector")) {
			this.resourceSets = injector().getProvider(XtextResourceSet.class);
			this.validator = injector().getInstance(IResourceValidator.class);
		}
	}

	/**
	 * Starts setting the language up on a thread of its own, so that what a command does first (its options, the
	 * project file, loading the generators) overlaps the longest step of a cold start. A failure there is left to
	 * the first {@link #injector()} call, which sets up again and reports it.
	 */
	public static void prepareInBackground() {
		Thread t = new Thread(() -> {
			try (var p = Phases.beside("injector")) {
				prepare();
			} catch (RuntimeException | LinkageError e) {
				// the caller's own set-up repeats it and reports it
			}
		}, "tessera-setup");
		t.setDaemon(true);
		t.start();
	}

	/** The injector and the validator with every rule registered, under the lock a loader's first call waits on. */
	private static synchronized void prepare() {
		injector().getInstance(IResourceValidator.class);
	}

	public static synchronized Injector injector() {
		if (injector == null) injector = TesseraStandaloneSetup.doSetup();
		return injector;
	}

	/** A loaded file, its model (or null when nothing could be read) and what validation found, in order. */
	public record Loaded(Path path, Resource resource, TesseraFile model, List<dev.tessera.core.diag.Diagnostic> diagnostics) {
		public boolean hasErrors() {
			return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
		}
	}

	/** Loads and validates every file in one resource set, so files may refer to each other. */
	public List<Loaded> load(List<Path> files) {
		List<Loaded> result = new ArrayList<>();
		for (Loaded read : read(files)) result.add(validate(read));
		return result;
	}

	public Loaded load(Path file) {
		return load(List.of(file)).get(0);
	}

	/**
	 * Parses every file into one resource set without validating: what a caller that changes the model before the
	 * rules see it (the pipeline's boot overrides) starts from. Diagnostics are empty until {@link #validate}.
	 */
	public List<Loaded> read(List<Path> files) {
		List<Resource> resources = new ArrayList<>();
		try (var t = Phases.start("parse")) {
			XtextResourceSet rs = resourceSets.get();
			rs.setClasspathURIContext(ModelLoader.class.getClassLoader());
			for (Path p : files) resources.add(rs.getResource(URI.createFileURI(p.toAbsolutePath().normalize().toString()), true));
		}
		List<Loaded> result = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			Resource r = resources.get(i);
			EObject root = r.getContents().isEmpty() ? null : r.getContents().get(0);
			result.add(new Loaded(files.get(i), r, root instanceof TesseraFile tf ? tf : null, List.of()));
		}
		return result;
	}

	/** Runs the editor's validator (syntax, links, the whole rule catalogue) on a file read by {@link #read}. */
	public Loaded validate(Loaded read) {
		// linking first, as the validator would, so the phases tell linking from the rules
		try (var t = Phases.start("link")) {
			EcoreUtil2.resolveLazyCrossReferences(read.resource(), CancelIndicator.NullImpl);
		}
		List<Issue> issues;
		try (var t = Phases.start("validate")) {
			issues = validator.validate(read.resource(), CheckMode.ALL, CancelIndicator.NullImpl);
		}
		List<dev.tessera.core.diag.Diagnostic> diags = new ArrayList<>();
		for (Issue issue : issues) diags.add(toDiagnostic(read.path(), issue));
		diags.sort(dev.tessera.core.diag.Diagnostic.ORDER);
		return new Loaded(read.path(), read.resource(), read.model(), List.copyOf(diags));
	}

	static dev.tessera.core.diag.Diagnostic toDiagnostic(Path file, Issue issue) {
		String rule = TesseraValidator.ruleId(issue.getCode());
		Severity sev = issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.WARNING ? Severity.WARNING : Severity.ERROR;
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int col = issue.getColumn() == null ? 1 : issue.getColumn();
		return new dev.tessera.core.diag.Diagnostic(file.toString(), line, col, sev, rule, issue.getMessage());
	}

	/** Places a finding of resolution (or any other model-level finding) in its source file. */
	public static dev.tessera.core.diag.Diagnostic locate(Path fallback, dev.tessera.core.diag.Finding f) {
		String file = fallback.toString();
		int line = 1, col = 1;
		EObject src = f.source();
		if (src != null) {
			var nodes = f.feature() == null ? List.<org.eclipse.xtext.nodemodel.INode>of()
					: org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(src, f.feature());
			var node = nodes.isEmpty() ? org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(src) : nodes.get(0);
			if (node != null) {
				var lc = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getLineAndColumn(node, node.getTotalOffset());
				// skip leading hidden tokens (comments, white space) so the column points at the text itself
				var first = firstNonHidden(node);
				if (first != null) lc = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getLineAndColumn(first, first.getOffset());
				line = lc.getLine();
				col = lc.getColumn();
			}
			if (src.eResource() instanceof XtextResource xr && xr.getURI().isFile()) file = relativeLike(fallback, xr.getURI().toFileString());
		}
		return new dev.tessera.core.diag.Diagnostic(file, line, col, f.severity(), f.rule().id(), f.message());
	}

	private static org.eclipse.xtext.nodemodel.INode firstNonHidden(org.eclipse.xtext.nodemodel.INode node) {
		for (var leaf : node.getLeafNodes()) if (!leaf.isHidden()) return leaf;
		return null;
	}

	private static String relativeLike(Path given, String absolute) {
		Path abs = given.toAbsolutePath().normalize();
		return abs.toString().equals(absolute) ? given.toString() : absolute;
	}
}
