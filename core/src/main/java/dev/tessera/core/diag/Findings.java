package dev.tessera.core.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** Collects findings in the order they are reported. */
public final class Findings {
	private final List<Finding> list = new ArrayList<>();

	public void report(RuleInfo rule, EObject source, EStructuralFeature feature, String message) {
		list.add(new Finding(rule, message, source, feature, -1));
	}

	public void report(RuleInfo rule, EObject source, EStructuralFeature feature, int index, String message) {
		list.add(new Finding(rule, message, source, feature, index));
	}

	public void addAll(Findings other) {
		list.addAll(other.list);
	}

	public List<Finding> all() {
		return Collections.unmodifiableList(list);
	}

	public boolean hasErrors() {
		return list.stream().anyMatch(Finding::isError);
	}

	public boolean isEmpty() {
		return list.isEmpty();
	}
}
