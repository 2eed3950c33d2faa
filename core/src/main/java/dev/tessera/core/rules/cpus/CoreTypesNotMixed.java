package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CPUPOOL;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__PIN;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.List;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** With hmp-unsafe Xen runs every core type: each domain keeps to one (see {@link CoreTypes}). */
public final class CoreTypesNotMixed extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.core-types", Section.CPUS, Severity.ERROR, "A domain does not mix core types",
			"With hmp-unsafe Xen runs big and LITTLE cores together, and its schedulers may move a vCPU from one type to the "
					+ "other, which can corrupt data (cache line sizes differ). Xen's advice: give every domain an affinity within "
					+ "one core type (a pinning, or a cpupool of one type), dom0 included.");

	public CoreTypesNotMixed() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getXen() == null || !s.getXen().isHmpUnsafe()) return;
		CoreTypes types = CoreTypes.of(s).orElse(null);
		if (types == null) return;
		for (Domain d : s.getDomains()) {
			Map<String, List<Integer>> byType = types.byType(Systems.effectiveCpus(s, d));
			if (byType.size() < 2) continue;
			StringBuilder sb = new StringBuilder();
			byType.forEach((t, l) -> sb.append(sb.length() == 0 ? "" : " and ").append(t).append(" (CPU ").append(Systems.cpuList(l)).append(')'));
			out.report(INFO, d, !d.getPin().isEmpty() ? DOMAIN__PIN : d.getCpupool() != null ? DOMAIN__CPUPOOL : NAMED__NAME,
					"domain '" + d.getName() + "' can run on " + sb + ", and with 'hmp-unsafe' Xen may move its vCPUs between them: "
							+ "pin it or give it a cpupool within one core type");
		}
	}
}
