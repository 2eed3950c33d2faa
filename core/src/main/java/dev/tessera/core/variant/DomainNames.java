package dev.tessera.core.variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.diag.Findings;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Finds the domain a variant names by its name, and says which names come close when none matches. */
final class DomainNames {
	private DomainNames() {
	}

	static Domain find(System copy, String name, EObject change, EStructuralFeature feature, Findings out) {
		if (name == null) return null;
		for (Domain d : copy.getDomains()) if (name.equals(d.getName())) return d;
		List<String> names = new ArrayList<>();
		for (Domain d : copy.getDomains()) if (d.getName() != null) names.add(d.getName());
		List<String> close = closest(name, names);
		String variant = change.eContainer() instanceof dev.tessera.model.Variant v ? "variant '" + v.getName() + "': " : "";
		out.report(VariantRules.UNKNOWN_DOMAIN, change, feature, variant + "system '" + copy.getName() + "' has no domain '" + name + "'"
				+ (close.isEmpty() ? " (its domains: " + String.join(", ", names) + ")" : "; did you mean '" + String.join("', '", close) + "'?"));
		return null;
	}

	/** Names within a small edit distance of the one given, closest first. */
	static List<String> closest(String name, List<String> candidates) {
		int limit = Math.max(1, name.length() / 3);
		List<String> out = new ArrayList<>();
		for (int d = 1; d <= limit; d++)
			for (String c : candidates)
				if (distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT)) == d && !out.contains(c)) out.add(c);
		return out.size() > 3 ? out.subList(0, 3) : out;
	}

	private static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			int[] cur = new int[b.length() + 1];
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++)
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
			prev = cur;
		}
		return prev[b.length()];
	}
}
