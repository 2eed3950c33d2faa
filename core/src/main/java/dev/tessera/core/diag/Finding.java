package dev.tessera.core.diag;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * One problem found in a model: which rule, what to say, and the model element (and feature) it is about.
 * Positions are not known here: each face of Tessera (editor, CLI, YAML input) maps the element to its source.
 */
public record Finding(RuleInfo rule, String message, EObject source, EStructuralFeature feature, int index) {

	public Severity severity() {
		return rule.severity();
	}

	public boolean isError() {
		return rule.severity() == Severity.ERROR;
	}
}
