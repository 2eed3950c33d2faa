package dev.tessera.dsl.validation;

import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import dev.tessera.core.rules.LanguageRules;
import dev.tessera.dsl.scoping.BoardLibrary;
import dev.tessera.model.TesseraPackage;

/** Says what kind of thing was not found, and for boards, which boards exist. */
public class TesseraLinkingMessages extends LinkingDiagnosticMessageProvider {
	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String name = context.getLinkText();
		var type = context.getReference().getEReferenceType();
		String msg;
		if (type == TesseraPackage.Literals.BOARD)
			msg = "unknown board '" + name + "': import its file, or use a shipped board (" + String.join(", ", BoardLibrary.names()) + ")";
		else if (type == TesseraPackage.Literals.DEVICE)
			msg = "unknown device '" + name + "': the board declares no device of that name";
		else if (type == TesseraPackage.Literals.CPUPOOL)
			msg = "unknown cpupool '" + name + "': declare it with cpupool " + name + " { ... } in the system";
		else
			msg = "unknown " + type.getName().toLowerCase() + " '" + name + "'";
		return new DiagnosticMessage(msg, Severity.ERROR, LanguageRules.LINK.id());
	}
}
