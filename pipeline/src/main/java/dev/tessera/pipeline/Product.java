package dev.tessera.pipeline;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.diag.Finding;
import dev.tessera.core.variant.AppliedVariant;
import dev.tessera.core.variant.VariantApplier;
import dev.tessera.core.text.Suggestions;
import dev.tessera.model.System;
import dev.tessera.model.Variant;

/**
 * One product a run generates: the system as written, or one of its variants applied to a copy of it. Findings about
 * a variant's copy are placed in the file through the variant ({@link AppliedVariant#toSource}).
 */
record Product(String name, System system, AppliedVariant variant) {
	/** The role of each product's manifest in a run's artifacts when the products are written to folders of their own. */
	static final String MANIFEST = "manifest";

	Finding toSource(Finding f) {
		return variant == null ? f : variant.toSource(f);
	}

	/** The message for a name asked for that the system does not declare, else null. */
	static String unknown(System system, Products asked) {
		List<String> names = new ArrayList<>();
		names.add(system.getName());
		system.getVariants().forEach(v -> names.add(v.getName()));
		for (String n : asked.names())
			if (!names.contains(n)) {
				List<String> close = Suggestions.closest(n, names);
				return "system '" + system.getName() + "' has no variant '" + n + "'" + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?")
						+ " (" + (system.getVariants().isEmpty() ? "it declares no variants" : "its variants: " + String.join(", ", names.subList(1, names.size())))
						+ ")";
			}
		return null;
	}

	/** The products asked for, in the file's order (the system first), into {@code out}. The file was validated: every variant applies. */
	static void select(System system, Products asked, List<Product> out) {
		boolean systemItself = asked.everyVariant() || asked.names().isEmpty() || asked.names().contains(system.getName());
		if (systemItself) out.add(new Product(system.getName(), system, null));
		for (Variant v : system.getVariants())
			if (asked.everyVariant() || asked.names().contains(v.getName())) {
				AppliedVariant applied = VariantApplier.apply(system, v);
				out.add(new Product(v.getName(), applied.system(), applied));
			}
	}
}
