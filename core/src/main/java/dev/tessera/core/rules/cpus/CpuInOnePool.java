package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.CPU_RANGE__FIRST;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.System;

/** A CPU belongs to at most one cpupool. */
public final class CpuInOnePool extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.cpu-once", Section.CPUPOOLS, Severity.ERROR, "Every CPU is in at most one cpupool",
			"Xen refuses to boot with a CPU in two boot-time cpupools.");

	public CpuInOnePool() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Map<Integer, Cpupool> owner = new HashMap<>();
		for (Cpupool p : s.getCpupools())
			for (CpuRange r : p.getCpus())
				for (int c : Systems.expand(List.of(r))) {
					Cpupool first = owner.putIfAbsent(c, p);
					if (first != null && first != p)
						out.report(INFO, r, CPU_RANGE__FIRST, "CPU " + c + " is in cpupool '" + p.getName()
								+ "' and in cpupool '" + first.getName() + "': keep it in one");
				}
	}
}
