package dev.tessera.core.variant;

import java.util.List;

import dev.tessera.core.diag.Finding;
import dev.tessera.model.System;
import dev.tessera.model.Variant;

/**
 * A variant applied: a copy of its system with the changes made (no variants left in it), what applying them found,
 * and where each element of the copy came from, so a finding on the copy can be reported in the file.
 *
 * @param system   the copy, a system like any other: rules, resolver and generators run on it unchanged
 * @param findings what applying the changes found, on the variant's own lines; when one is an error the copy is incomplete
 */
public record AppliedVariant(Variant variant, System system, List<Finding> findings, Origins origins) {
	public String name() {
		return variant.getName();
	}

	public boolean ok() {
		return findings.stream().noneMatch(Finding::isError);
	}

	/** A finding about the copy, reported where the user wrote what caused it (see {@link Origins#toSource}). */
	public Finding toSource(Finding f) {
		return origins.toSource(f);
	}
}
