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

/** A cpupool has CPUs. */
public final class CpupoolHasCpus implements Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.empty", Severity.ERROR, "A cpupool has CPUs",
			"Xen cannot create a boot-time cpupool without CPUs, and its domains would never run.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Cpupool p : s.getCpupools())
			if (p.getCpus().isEmpty())
				out.report(INFO, p, NAMED__NAME, "cpupool '" + p.getName() + "' has no CPUs: add cpus <list>");
	}
}
