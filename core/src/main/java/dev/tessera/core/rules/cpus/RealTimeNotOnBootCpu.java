package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CPUPOOL;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__PIN;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** The boot CPU is not given to a real-time domain: Xen and dom0's work land there. */
public final class RealTimeNotOnBootCpu extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.rt-boot-cpu", Section.CPUS, Severity.ERROR, "The boot CPU is not a real-time domain's",
			"CPU 0 runs Xen's boot-time and housekeeping work and stays in Pool-0; a real-time domain there misses deadlines.");

	public RealTimeNotOnBootCpu() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (Systems.isRealTime(d) && (!d.getPin().isEmpty() || d.getCpupool() != null) && Systems.effectiveCpus(s, d).contains(0))
				out.report(INFO, d, d.getPin().isEmpty() ? DOMAIN__CPUPOOL : DOMAIN__PIN, "real-time domain '" + d.getName()
						+ "' runs on CPU 0, the boot CPU: move it to another CPU");
	}
}
