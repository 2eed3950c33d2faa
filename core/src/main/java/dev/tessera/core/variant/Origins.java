package dev.tessera.core.variant;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

import dev.tessera.core.diag.Finding;
import dev.tessera.model.Variant;

/**
 * Where each element of a variant's copy came from. A finding on an element a variant brought in (an added domain,
 * an added passthrough) or on a setting it changed lands on the variant's line; a finding on what the variant left
 * as the system had it lands on the system's own element, its message saying which variant it is about.
 */
public final class Origins {
	private record Place(EObject source, EStructuralFeature feature) {
	}

	private final Variant variant;
	private final EObject copy;
	private final Map<EObject, EObject> originals = new HashMap<>();
	private final Map<EObject, Map<EStructuralFeature, Place>> changed = new HashMap<>();
	private final Map<EObject, EObject> touched = new HashMap<>();

	Origins(Variant variant, EObject copy) {
		this.variant = variant;
		this.copy = copy;
	}

	void copied(EObject original, EObject copy) {
		originals.put(copy, original);
	}

	/** The variant set this feature of the copy: findings about it go to the change's own feature. */
	void changed(EObject copy, EStructuralFeature feature, EObject change, EStructuralFeature changeFeature) {
		changed.computeIfAbsent(copy, k -> new HashMap<>()).put(feature, new Place(change, changeFeature));
		touched.putIfAbsent(copy, change);
	}

	/** The variant changed this element of the copy as a whole (a domain's block): other findings on it go there too. */
	void touched(EObject copy, EObject change) {
		touched.putIfAbsent(copy, change);
	}

	public Finding toSource(Finding f) {
		String prefix = "in variant '" + variant.getName() + "': ";
		EObject src = f.source();
		if (src == null) return new Finding(f.rule(), prefix + f.message(), variant, null, -1);
		Map<EStructuralFeature, Place> set = changed.get(src);
		Place p = set == null || f.feature() == null ? null : set.get(f.feature());
		if (p != null) return new Finding(f.rule(), prefix + f.message(), p.source(), p.feature(), -1);
		if (f.feature() == null && touched.containsKey(src)) return new Finding(f.rule(), prefix + f.message(), touched.get(src), null, -1);
		EObject original = originals.get(src);
		// about the whole system, which as written has no such problem: the variant as a whole caused it
		if (original instanceof dev.tessera.model.System) return new Finding(f.rule(), prefix + f.message(), variant, dev.tessera.model.TesseraPackage.Literals.NAMED__NAME, -1);
		if (original != null) return new Finding(f.rule(), prefix + f.message(), original, f.feature(), f.index());
		// an element only the copy has (Xen settings a variant created): the variant; one outside the copy (a board's
		// device): the finding is about it as it is
		boolean copyOnly = src == copy || EcoreUtil.isAncestor(copy, src) || src.eResource() == null;
		return new Finding(f.rule(), prefix + f.message(), copyOnly ? variant : src, copyOnly ? null : f.feature(), f.index());
	}

	/**
	 * Whether a finding on the copy is one the system itself has too (same rule, same unchanged element, same words):
	 * it is reported once, on the system, not again for each variant.
	 */
	boolean inherited(Finding f, Iterable<Finding> base) {
		EObject src = f.source();
		if (src == null || changed.containsKey(src) || touched.containsKey(src)) return false;
		EObject original = originals.getOrDefault(src, src);
		for (Finding b : base)
			if (b.rule().equals(f.rule()) && b.source() == original && b.feature() == f.feature() && b.index() == f.index()
					&& b.message().equals(f.message()))
				return true;
		return false;
	}
}
