package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.CPU_RANGE__FIRST;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.System;

/** The boot CPU stays in Pool-0, where dom0 and Xen's own work run. */
public final class BootCpuStaysInPool0 extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.boot-cpu", Section.CPUPOOLS, Severity.ERROR, "The boot CPU stays in Pool-0",
			"Xen keeps the boot CPU in Pool-0 and refuses a boot-time cpupool that takes it.");

	public BootCpuStaysInPool0() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Cpupool p : s.getCpupools())
			for (CpuRange r : p.getCpus())
				if (r.getFirst() <= 0 && Systems.lastOf(r) >= 0)
					out.report(INFO, r, CPU_RANGE__FIRST, "cpupool '" + p.getName()
							+ "' takes CPU 0, the boot CPU, which stays in Pool-0: use other CPUs");
	}
}
