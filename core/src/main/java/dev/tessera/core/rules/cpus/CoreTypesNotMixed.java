package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A domain does not mix core types (big.LITTLE) unless the system allows it with hmp-unsafe. */
public final class CoreTypesNotMixed implements Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.core-types", Severity.ERROR, "A domain does not mix core types",
			"Xen refuses to run a domain across CPUs with different MIDR (big.LITTLE) unless told hmp-unsafe=true; the guest "
					+ "would see its vCPUs change type. Pin the domain to one cluster, or allow it with 'hmp-unsafe'.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Board b = s.getBoard();
		if (b == null || b.eIsProxy() || (s.getXen() != null && s.getXen().isHmpUnsafe())) return;
		List<Cpu> cpus = Systems.cpus(b);
		for (Domain d : s.getDomains()) {
			if (d.getPin().isEmpty() && d.getCpupool() == null) continue;
			Map<String, List<Integer>> byType = new TreeMap<>();
			for (int c : Systems.effectiveCpus(s, d))
				if (c < cpus.size() && cpus.get(c).eContainer() instanceof CpuCluster cl && cl.getCoreType() != null)
					byType.computeIfAbsent(cl.getCoreType(), k -> new ArrayList<>()).add(c);
			if (byType.size() > 1) {
				StringBuilder sb = new StringBuilder();
				byType.forEach((t, l) -> sb.append(sb.length() == 0 ? "" : " and ").append(t).append(" (CPU ").append(Systems.cpuList(l)).append(')'));
				out.report(INFO, d, d.getPin().isEmpty() ? DOMAIN__CPUPOOL : DOMAIN__PIN, "domain '" + d.getName() + "' runs on "
						+ sb + ": keep it on one core type, or write 'hmp-unsafe' in the xen settings");
			}
		}
	}
}
