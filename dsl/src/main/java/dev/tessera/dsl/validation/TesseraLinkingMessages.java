package dev.tessera.dsl.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

import com.google.inject.Inject;

import dev.tessera.core.rules.LanguageRules;
import dev.tessera.core.text.Suggestions;
import dev.tessera.dsl.scoping.BoardLibrary;
import dev.tessera.dsl.scoping.Candidates;
import dev.tessera.model.Board;
import dev.tessera.model.System;
import dev.tessera.model.TesseraPackage;

/**
 * Says what kind of thing was not found and, when a name in scope is close to it, which ("did you mean 'uart0'?");
 * for boards, which boards exist. The suggestions are also the data, which the language server turns into
 * quick fixes ("Change to 'uart0'"). Names that fit where the reference is written ({@link Candidates}: a UART
 * for Xen's console, a driver domain as a backend) are suggested before names that only exist.
 */
public class TesseraLinkingMessages extends LinkingDiagnosticMessageProvider {
	@Inject
	private IScopeProvider scopes;

	@Inject
	private IQualifiedNameConverter names;

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String name = context.getLinkText();
		EReference ref = context.getReference();
		var type = ref.getEReferenceType();
		List<String> suggestions = suggestions(context.getContext(), ref, name);
		String msg;
		if (type == TesseraPackage.Literals.BOARD)
			msg = "unknown board '" + name + "'" + didYouMean(suggestions, ": did you mean ", "? Otherwise")
					+ (suggestions.isEmpty() ? ": " : " ") + "import its file, or use a shipped board (" + String.join(", ", BoardLibrary.names()) + ")";
		else if (type == TesseraPackage.Literals.DEVICE)
			msg = "unknown device '" + name + "': " + boardOf(context.getContext()) + " declares no device of that name"
					+ didYouMean(suggestions, "; did you mean ", "?");
		else if (type == TesseraPackage.Literals.CPUPOOL)
			msg = "unknown cpupool '" + name + "': declare it with cpupool " + name + " { ... } in the system"
					+ didYouMean(suggestions, "; did you mean ", "?");
		else if (type == TesseraPackage.Literals.DOMAIN)
			msg = "unknown domain '" + name + "': the system declares no domain of that name" + didYouMean(suggestions, "; did you mean ", "?");
		else if (type == TesseraPackage.Literals.DISPLAY_CONNECTOR)
			msg = "unknown display connector '" + name + "': the domain's displays declare no connector of that name"
					+ didYouMean(suggestions, "; did you mean ", "?");
		else
			msg = "unknown " + type.getName().toLowerCase() + " '" + name + "'" + didYouMean(suggestions, "; did you mean ", "?");
		return new DiagnosticMessage(msg, Severity.ERROR, LanguageRules.LINK.id(), suggestions.toArray(String[]::new));
	}

	static String didYouMean(List<String> suggestions, String before, String after) {
		return suggestions.isEmpty() ? "" : before + Suggestions.quotedOr(suggestions) + after;
	}

	static String boardOf(EObject context) {
		Board board = EcoreUtil2.getContainerOfType(context, Board.class);
		if (board == null) {
			System system = EcoreUtil2.getContainerOfType(context, System.class);
			board = system == null ? null : system.getBoard();
		}
		return board == null || board.eIsProxy() || board.getName() == null ? "the board" : "board '" + board.getName() + "'";
	}

	/**
	 * The names in scope closest to {@code name}: first among those that fit the reference, then among the others.
	 * Never throws: a message without suggestions is better than none.
	 */
	List<String> suggestions(EObject context, EReference ref, String name) {
		// Candidates reads other references, whose resolution may fail and ask for a message again: that nested
		// message sorts by name only, so the recursion stops at one level
		boolean nested = classifying.get();
		classifying.set(true);
		try {
			Set<String> fitting = new LinkedHashSet<>(), other = new LinkedHashSet<>();
			if (context != null) for (IEObjectDescription d : scopes.getScope(context, ref).getAllElements()) {
				String n = names.toString(d.getName());
				EObject target = d.getEObjectOrProxy();
				(nested || target.eIsProxy() || fits(context, ref, target) ? fitting : other).add(n);
			}
			if (ref.getEReferenceType() == TesseraPackage.Literals.BOARD) fitting.addAll(BoardLibrary.names());
			List<String> best = new ArrayList<>(Suggestions.closest(name, fitting));
			if (best.size() < Suggestions.MAX)
				for (String s : Suggestions.closest(name, other, Suggestions.MAX - best.size())) if (!best.contains(s)) best.add(s);
			return best;
		} catch (RuntimeException e) {
			return List.of();
		} finally {
			classifying.set(nested);
		}
	}

	private static final ThreadLocal<Boolean> classifying = ThreadLocal.withInitial(() -> false);

	/** A target whose check fails (a cyclic resolution while linking) counts as fitting: it exists, after all. */
	static boolean fits(EObject context, EReference ref, EObject target) {
		try {
			return Candidates.fits(context, ref, target);
		} catch (RuntimeException e) {
			return true;
		}
	}
}
