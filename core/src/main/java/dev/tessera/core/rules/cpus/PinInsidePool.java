package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__PIN;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** A domain's pinning lies inside its cpupool. */
public final class PinInsidePool extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.pin-inside", Section.CPUPOOLS, Severity.ERROR, "A domain's pinning lies inside its cpupool",
			"A domain only runs on its pool's CPUs; pinning it elsewhere leaves its vCPUs with nowhere to run.");

	public PinInsidePool() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			if (d.getCpupool() == null || d.getCpupool().eIsProxy() || d.getPin().isEmpty()) continue;
			Set<Integer> pool = new HashSet<>(Systems.expand(d.getCpupool().getCpus()));
			List<Integer> outside = Systems.expand(d.getPin()).stream().filter(c -> !pool.contains(c)).toList();
			if (!outside.isEmpty())
				out.report(INFO, d, DOMAIN__PIN, "domain '" + d.getName() + "' is pinned to CPU " + Systems.cpuList(outside)
						+ ", outside its cpupool '" + d.getCpupool().getName() + "' (CPU " + Systems.cpuList(Systems.expand(d.getCpupool().getCpus())) + ")");
		}
	}
}
