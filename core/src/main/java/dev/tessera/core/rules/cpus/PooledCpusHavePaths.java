package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.List;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Xen names a cpupool's CPUs by their device-tree nodes: a pooled CPU needs its path on the board. */
public final class PooledCpusHavePaths implements Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.cpu-path", Severity.ERROR, "A pooled CPU has a device-tree path",
			"A boot-time cpupool lists its CPUs by phandle of their /cpus nodes; a CPU the board declares without a path "
					+ "cannot be named.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Board b = s.getBoard();
		if (b == null || b.eIsProxy()) return;
		List<Cpu> cpus = Systems.cpus(b);
		for (Cpupool p : s.getCpupools())
			for (CpuRange r : p.getCpus())
				for (int c : Systems.expand(List.of(r)))
					if (c < cpus.size() && (cpus.get(c).getDtPath() == null || cpus.get(c).getDtPath().isEmpty()))
						out.report(INFO, r, CPU_RANGE__FIRST, "CPU " + c + " ('" + cpus.get(c).getName() + "') of cpupool '" + p.getName()
								+ "' has no device-tree path on board '" + b.getName() + "': add 'path \"/cpus/cpu@N\"' to it");
	}
}
