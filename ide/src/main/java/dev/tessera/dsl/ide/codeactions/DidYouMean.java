package dev.tessera.dsl.ide.codeactions;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.resource.XtextResource;

import dev.tessera.core.rules.LanguageRules;
import dev.tessera.dsl.validation.SyntaxFix;

/**
 * "Change to 'uart0'": one quick fix per name that the unresolved-reference message suggests
 * ({@code TesseraLinkingMessages}); "Write 2G", "Change to 'memory'": the fixes a syntax error carries
 * ({@code TesseraSyntaxErrors}). The names are read from the resource's own linking error at the diagnostic's
 * offset (its linking or syntax error), not from the diagnostic the client sends back: an editor may drop the diagnostic's data (Eclipse's
 * markers keep only the message, range and code).
 */
final class DidYouMean {
	private DidYouMean() {
	}

	static List<CodeAction> fixes(XtextResource resource, int offset, TesseraCodeActions.Fixes f) {
		List<CodeAction> out = new ArrayList<>();
		for (Resource.Diagnostic e : resource.getErrors())
			if (e instanceof XtextLinkingDiagnostic link && link.getOffset() == offset && LanguageRules.LINK.id().equals(link.getCode()))
				for (String name : link.getData())
					out.add(f.action("Change to '" + name + "'", List.of(f.edit(offset, offset + link.getLength(), name))));
		return out;
	}

	static List<CodeAction> syntaxFixes(XtextResource resource, int offset, TesseraCodeActions.Fixes f) {
		List<CodeAction> out = new ArrayList<>();
		for (Resource.Diagnostic e : resource.getErrors())
			if (e instanceof XtextSyntaxDiagnostic syntax && ((AbstractDiagnostic) syntax).getOffset() == offset)
				for (SyntaxFix fix : SyntaxFix.of(syntax.getData()))
					out.add(f.action(fix.title(), List.of(f.edit(fix.offset(), fix.offset() + fix.length(), fix.text()))));
		return out;
	}
}
