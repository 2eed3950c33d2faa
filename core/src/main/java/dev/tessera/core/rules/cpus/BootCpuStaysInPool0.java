package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** The boot CPU stays in Pool-0, where dom0 and Xen's own work run. */
public final class BootCpuStaysInPool0 implements Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.boot-cpu", Severity.ERROR, "The boot CPU stays in Pool-0",
			"Xen keeps the boot CPU in Pool-0 and refuses a boot-time cpupool that takes it.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Cpupool p : s.getCpupools())
			for (CpuRange r : p.getCpus())
				if (r.getFirst() <= 0 && Systems.lastOf(r) >= 0)
					out.report(INFO, r, CPU_RANGE__FIRST, "cpupool '" + p.getName()
							+ "' takes CPU 0, the boot CPU, which stays in Pool-0: use other CPUs");
	}
}
