package dev.tessera.core.variant;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.diag.Finding;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.rules.RuleCatalogue;
import dev.tessera.model.System;
import dev.tessera.model.Variant;

/**
 * Every variant of a system checked on its own: applied to a copy of the system, then the whole rule catalogue run on
 * the copy. Every finding comes back placed in the file (see {@link Origins}); one the system itself has already is
 * left out, so each problem is reported once.
 */
public final class VariantChecks {
	private VariantChecks() {
	}

	/** @param base what the catalogue found on the system itself */
	public static List<Finding> check(System system, List<Finding> base) {
		Findings names = new Findings();
		VariantConflicts.names(system, names);
		List<Finding> out = new ArrayList<>(names.all());
		for (Variant v : system.getVariants()) {
			AppliedVariant applied = VariantApplier.apply(system, v);
			out.addAll(applied.findings());
			if (!applied.ok()) continue; // the copy is not what the variant means: the rules would only add noise
			for (Finding f : RuleCatalogue.check(applied.system()).all())
				if (!applied.origins().inherited(f, base)) out.add(applied.toSource(f));
		}
		return out;
	}

	/** The variant of that name, or null. */
	public static Variant find(System system, String name) {
		return system.getVariants().stream().filter(v -> name.equals(v.getName())).findFirst().orElse(null);
	}
}
