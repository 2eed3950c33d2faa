package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A CPU belongs to at most one cpupool. */
public final class CpuInOnePool implements Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.cpu-once", Severity.ERROR, "Every CPU is in at most one cpupool",
			"Xen refuses to boot with a CPU in two boot-time cpupools.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		java.util.Map<Integer, Cpupool> owner = new java.util.HashMap<>();
		for (Cpupool p : s.getCpupools())
			for (CpuRange r : p.getCpus())
				for (int c = r.getFirst(); c <= Systems.lastOf(r) && c - r.getFirst() < 4096; c++) {
					Cpupool first = owner.putIfAbsent(c, p);
					if (first != null && first != p)
						out.report(INFO, r, CPU_RANGE__FIRST, "CPU " + c + " is in cpupool '" + p.getName()
								+ "' and in cpupool '" + first.getName() + "': keep it in one");
				}
	}
}
