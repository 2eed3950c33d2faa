package dev.tessera.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import com.google.inject.Inject;

import dev.tessera.core.diag.Finding;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.LanguageRules;
import dev.tessera.core.rules.RuleCatalogue;
import dev.tessera.core.variant.VariantChecks;
import dev.tessera.model.Board;
import dev.tessera.model.Import;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFile;
import dev.tessera.model.TesseraPackage;

/**
 * Runs Tessera's rule catalogue (plain Java in the core module) inside Xtext, so the editor and the CLI report
 * exactly the same findings. Each finding's code is its rule id; {@link #ruleId} reads any issue's code as one.
 */
public class TesseraValidator extends AbstractTesseraValidator {

	@Inject
	private ImportUriResolver importUriResolver;

	@Inject
	private EObjectAtOffsetHelper offsetHelper;

	/** The rule id of an issue, from its code: the code itself for the catalogue's rules, Xtext's own as syntax or link. */
	public static String ruleId(String issueCode) {
		if (issueCode == null || issueCode.equals(Diagnostic.SYNTAX_DIAGNOSTIC)
				|| issueCode.startsWith("org.eclipse.xtext.diagnostics.Diagnostic.Syntax"))
			return LanguageRules.SYNTAX.id();
		if (issueCode.equals(Diagnostic.LINKING_DIAGNOSTIC)) return LanguageRules.LINK.id();
		if (issueCode.startsWith("org.eclipse.xtext")) return LanguageRules.SYNTAX.id();
		return issueCode;
	}

	@Check(CheckType.FAST)
	public void checkNotEmpty(TesseraFile file) {
		if (file.getElements().isEmpty() && file.getImports().isEmpty())
			error("the file declares no board and no system", file, null, LanguageRules.EMPTY.id());
	}

	@Check(CheckType.FAST)
	public void checkImport(Import imp) {
		String target = importUriResolver.resolve(imp);
		if (target == null || target.isBlank()) {
			if (imp.getImportURI() != null)
				error("the import names nothing: give a .tess file next to this one or a shipped board", imp,
						TesseraPackage.Literals.IMPORT__IMPORT_URI, LanguageRules.IMPORT.id());
			return;
		}
		URI uri = URI.createURI(target);
		var resource = imp.eResource();
		if (uri.isRelative() && resource != null) uri = uri.resolve(resource.getURI());
		var rs = resource == null ? null : resource.getResourceSet();
		boolean exists = rs != null && rs.getURIConverter().exists(uri, null);
		if (!exists)
			error("cannot find '" + imp.getImportURI() + "': no such file next to this one, and no shipped board of that name",
					imp, TesseraPackage.Literals.IMPORT__IMPORT_URI, LanguageRules.IMPORT.id());
		// a folder or another kind of file "exists" but brings nothing in: every name from it would fail instead
		else if (uri.isFile() && new java.io.File(uri.toFileString()).isDirectory())
			error("'" + imp.getImportURI() + "' is a folder: import a .tess file", imp, TesseraPackage.Literals.IMPORT__IMPORT_URI,
					LanguageRules.IMPORT.id());
		else if (!"tess".equals(uri.fileExtension()))
			error("'" + imp.getImportURI() + "' is not a Tessera file (.tess)", imp, TesseraPackage.Literals.IMPORT__IMPORT_URI,
					LanguageRules.IMPORT.id());
	}

	@Check(CheckType.FAST)
	public void checkSystem(System system) {
		runRules(system, () -> RuleCatalogue.check(system).all());
		// each variant on its own, its findings on the variant's lines; not while the file has syntax errors, whose
		// guessed model would make every variant repeat them
		if (!system.getVariants().isEmpty() && syntaxErrorsIn(system.eResource()).isEmpty())
			report(system, VariantChecks.check(system, RuleCatalogue.check(system).all()));
	}

	@Check(CheckType.FAST)
	public void checkBoard(Board board) {
		runRules(board, () -> RuleCatalogue.check(board).all());
	}

	/**
	 * Runs the rules, also on a file with syntax errors, and reports what they find away from those errors. Where the
	 * parser stumbled, the model holds what it guessed (a memory of {@code 2} bytes for {@code 2g}, a domain cut short
	 * by a missing brace): what the rules say about the element that holds a syntax error, about what it contains, and
	 * about what contains it (the system, for a rule over all domains) is left out, so a finding there is never one the
	 * user did not make; the other domains, devices … are checked as usual. A name that does not resolve is no syntax
	 * error: the rules cope with a missing reference.
	 */
	private void runRules(EObject checked, Supplier<Iterable<Finding>> rules) {
		List<EObject> broken = syntaxErrorsIn(checked.eResource());
		if (broken.isEmpty()) {
			report(checked, rules.get());
			return;
		}
		Iterable<Finding> findings;
		try {
			findings = rules.get();
		} catch (RuntimeException e) {
			return; // a rule that cannot read what the parser guessed: the syntax errors are reported already
		}
		List<Finding> away = new ArrayList<>();
		for (Finding f : findings)
			if (f.source() != null && f.source().eResource() == checked.eResource()
					&& broken.stream().noneMatch(b -> EcoreUtil.isAncestor(b, f.source()) || EcoreUtil.isAncestor(f.source(), b)))
				away.add(f);
		report(checked, away);
	}

	/** The innermost elements of the model that hold a syntax error (the file itself when nothing closer holds one). */
	private List<EObject> syntaxErrorsIn(Resource resource) {
		List<EObject> out = new ArrayList<>();
		if (!(resource instanceof XtextResource r)) return out;
		for (var e : r.getErrors())
			if (e instanceof XtextSyntaxDiagnostic d) {
				EObject at = offsetHelper.resolveContainedElementAt(r, d.getOffset());
				out.add(at != null ? at : r.getContents().isEmpty() ? null : r.getContents().get(0));
			}
		out.removeIf(java.util.Objects::isNull);
		return out;
	}

	private void report(EObject checked, Iterable<Finding> findings) {
		for (Finding f : findings) {
			// Xtext reports only on the file being checked: a finding about another file lands on what was checked.
			boolean here = f.source() != null && f.source().eResource() == checked.eResource();
			var source = here ? f.source() : checked;
			var feature = here ? f.feature() : null;
			int index = here ? f.index() : -1;
			if (f.severity() == Severity.ERROR)
				error(f.message(), source, feature, index, f.rule().id());
			else
				warning(f.message(), source, feature, index, f.rule().id());
		}
	}
}
