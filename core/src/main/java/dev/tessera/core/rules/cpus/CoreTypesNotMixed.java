package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/**
 * big.LITTLE under Xen (docs/misc/arm/big.LITTLE.txt, xen/arch/arm/smpboot.c): by default Xen parks every CPU
 * whose type differs from the boot CPU's, so those CPUs cannot be used; with hmp-unsafe it runs them all, and then
 * each domain must keep to one core type, or its vCPUs may move between big and LITTLE cores.
 */
public final class CoreTypesNotMixed implements Rule {
	static final RuleInfo PARKED = new RuleInfo("cpu.parked", Severity.ERROR, "CPUs of another core type than the boot CPU need hmp-unsafe",
			"At boot Xen disables every CPU that differs from the boot CPU (big.LITTLE), unless its command line says "
					+ "hmp-unsafe=true. A cpupool or a pinning on such a CPU would name a CPU Xen does not run.");
	static final RuleInfo INFO = new RuleInfo("cpu.core-types", Severity.ERROR, "A domain does not mix core types",
			"With hmp-unsafe Xen runs big and LITTLE cores together, and its schedulers may move a vCPU from one type to the "
					+ "other, which can corrupt data (cache line sizes differ). Xen's advice: give every domain an affinity within "
					+ "one core type (a pinning, or a cpupool of one type), dom0 included.");

	public RuleInfo info() {
		return INFO;
	}

	public List<RuleInfo> infos() {
		return List.of(PARKED, INFO);
	}

	public void check(System s, Findings out) {
		Board b = s.getBoard();
		if (b == null || b.eIsProxy()) return;
		List<Cpu> cpus = Systems.cpus(b);
		String bootType = cpus.isEmpty() ? null : typeOf(cpus.get(0));
		if (bootType == null) return;
		if (s.getXen() == null || !s.getXen().isHmpUnsafe()) {
			for (Cpupool p : s.getCpupools())
				parked(cpus, bootType, Systems.expand(p.getCpus())).ifPresent(l -> out.report(PARKED, p, CPUPOOL__CPUS,
						"cpupool '" + p.getName() + "' takes " + l + ", which Xen parks at boot: it runs only CPUs of the boot CPU's type ("
								+ bootType + ", CPU 0) unless the xen settings say 'hmp-unsafe'"));
			for (Domain d : s.getDomains())
				parked(cpus, bootType, Systems.expand(d.getPin())).ifPresent(l -> out.report(PARKED, d, DOMAIN__PIN,
						"domain '" + d.getName() + "' is pinned to " + l + ", which Xen parks at boot: it runs only CPUs of the boot "
								+ "CPU's type (" + bootType + ", CPU 0) unless the xen settings say 'hmp-unsafe'"));
			return;
		}
		for (Domain d : s.getDomains()) {
			Map<String, List<Integer>> byType = new TreeMap<>();
			for (int c : Systems.effectiveCpus(s, d))
				if (c < cpus.size() && typeOf(cpus.get(c)) != null) byType.computeIfAbsent(typeOf(cpus.get(c)), k -> new ArrayList<>()).add(c);
			if (byType.size() > 1) {
				StringBuilder sb = new StringBuilder();
				byType.forEach((t, l) -> sb.append(sb.length() == 0 ? "" : " and ").append(t).append(" (CPU ").append(Systems.cpuList(l)).append(')'));
				out.report(INFO, d, !d.getPin().isEmpty() ? DOMAIN__PIN : d.getCpupool() != null ? DOMAIN__CPUPOOL : NAMED__NAME,
						"domain '" + d.getName() + "' can run on " + sb + ", and with 'hmp-unsafe' Xen may move its vCPUs between them: "
								+ "pin it or give it a cpupool within one core type");
			}
		}
	}

	private static Optional<String> parked(List<Cpu> cpus, String bootType, List<Integer> ids) {
		Map<String, List<Integer>> other = new TreeMap<>();
		for (int c : ids)
			if (c < cpus.size() && typeOf(cpus.get(c)) != null && !typeOf(cpus.get(c)).equals(bootType))
				other.computeIfAbsent(typeOf(cpus.get(c)), k -> new ArrayList<>()).add(c);
		if (other.isEmpty()) return Optional.empty();
		StringBuilder sb = new StringBuilder();
		other.forEach((t, l) -> sb.append(sb.length() == 0 ? "" : " and ").append("CPU ").append(Systems.cpuList(l)).append(" (").append(t).append(')'));
		return Optional.of(sb.toString());
	}

	private static String typeOf(Cpu c) {
		return c.eContainer() instanceof CpuCluster cl ? cl.getCoreType() : null;
	}
}
