package dev.tessera.core.variant;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.text.Suggestions;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Finds the domain a variant names by its name, and says which names come close when none matches (Suggestions). */
final class DomainNames {
	private DomainNames() {
	}

	static Domain find(System copy, String name, EObject change, EStructuralFeature feature, Findings out) {
		if (name == null) return null;
		for (Domain d : copy.getDomains()) if (name.equals(d.getName())) return d;
		List<String> names = new ArrayList<>();
		for (Domain d : copy.getDomains()) if (d.getName() != null) names.add(d.getName());
		List<String> close = Suggestions.closest(name, names);
		String variant = change.eContainer() instanceof dev.tessera.model.Variant v ? "variant '" + v.getName() + "': " : "";
		out.report(VariantRules.UNKNOWN_DOMAIN, change, feature, variant + "system '" + copy.getName() + "' has no domain '" + name + "'"
				+ (close.isEmpty() ? " (its domains: " + String.join(", ", names) + ")" : "; did you mean " + Suggestions.quotedOr(close) + "?"));
		return null;
	}
}
