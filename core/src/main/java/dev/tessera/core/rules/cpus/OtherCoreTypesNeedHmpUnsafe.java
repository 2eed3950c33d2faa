package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.CPUPOOL__CPUS;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__PIN;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Without hmp-unsafe Xen parks the CPUs of another core type than the boot CPU's: nothing may name them (see {@link CoreTypes}). */
public final class OtherCoreTypesNeedHmpUnsafe extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.parked", Section.CPUS, Severity.ERROR, "CPUs of another core type than the boot CPU need hmp-unsafe",
			"At boot Xen disables every CPU whose core type (the cluster's, big.LITTLE) differs from the boot CPU's, unless its "
					+ "command line says hmp-unsafe=true, which Tessera writes when the xen settings say 'hmp-unsafe'. A cpupool or "
					+ "a pinning on such a CPU would name a CPU Xen does not run.");

	public OtherCoreTypesNeedHmpUnsafe() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getXen() != null && s.getXen().isHmpUnsafe()) return;
		CoreTypes types = CoreTypes.of(s).orElse(null);
		if (types == null) return;
		String unless = ", which Xen parks at boot: it runs only CPUs of the boot CPU's type (" + types.bootType()
				+ ", CPU 0) unless the xen settings say 'hmp-unsafe'";
		for (Cpupool p : s.getCpupools())
			parked(types, Systems.expand(p.getCpus())).ifPresent(l -> out.report(INFO, p, CPUPOOL__CPUS,
					"cpupool '" + p.getName() + "' takes " + l + unless));
		for (Domain d : s.getDomains())
			parked(types, Systems.expand(d.getPin())).ifPresent(l -> out.report(INFO, d, DOMAIN__PIN,
					"domain '" + d.getName() + "' is pinned to " + l + unless));
	}

	/** "CPU 4-5 (big)": those of the CPUs that are of another type than the boot CPU, if any. */
	private static Optional<String> parked(CoreTypes types, List<Integer> ids) {
		Map<String, List<Integer>> other = types.byType(ids);
		other.remove(types.bootType());
		if (other.isEmpty()) return Optional.empty();
		StringBuilder sb = new StringBuilder();
		other.forEach((t, l) -> sb.append(sb.length() == 0 ? "" : " and ").append("CPU ").append(Systems.cpuList(l)).append(" (").append(t).append(')'));
		return Optional.of(sb.toString());
	}
}
