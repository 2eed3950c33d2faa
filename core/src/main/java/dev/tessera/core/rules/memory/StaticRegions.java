package dev.tessera.core.rules.memory;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Helpers shared by the static-memory rules. */
final class StaticRegions {
	private StaticRegions() {
	}

	/** The static regions with an address; a region without a size takes the domain's memory. */
	static java.util.List<StaticRegion> of(Domain d) {
		return d.getStaticMemory().stream().filter(StaticRegion::isSetBase).toList();
	}

	static long size(Domain d, StaticRegion r) {
		return r.getSize() > 0 ? r.getSize() : Math.max(d.getMemory(), 0);
	}

	static String banks(Board b) {
		return b.getRam().stream().map(bank -> bank.getName() + " " + Sizes.range(bank.getBase(), bank.getSize()))
				.collect(java.util.stream.Collectors.joining(", "));
	}
}
