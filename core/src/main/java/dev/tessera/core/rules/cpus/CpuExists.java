package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.CPU_RANGE__FIRST;
import static dev.tessera.model.TesseraPackage.Literals.CPU_RANGE__LAST;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Pinned and pooled CPUs exist on the board. */
public final class CpuExists extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.exists", Section.CPUS, Severity.ERROR, "CPUs named exist on the board",
			"Xen ignores or rejects a CPU number it does not have; the domain then runs elsewhere or not at all. A range "
					+ "names its lower CPU first (2-3, not 3-2).");

	public CpuExists() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		int n = Systems.cpus(b).size();
		for (Domain d : s.getDomains())
			for (CpuRange r : d.getPin()) check(out, r, n, b, "domain '" + d.getName() + "'");
		for (Cpupool p : s.getCpupools())
			for (CpuRange r : p.getCpus()) check(out, r, n, b, "cpupool '" + p.getName() + "'");
	}

	private void check(Findings out, CpuRange r, int n, Board b, String who) {
		int last = Systems.lastOf(r);
		if (last < r.getFirst())
			out.report(INFO, r, CPU_RANGE__LAST, who + " names the CPU range " + r.getFirst() + "-" + last
					+ ", which is empty: write the lower number first");
		else if (last >= n)
			out.report(INFO, r, CPU_RANGE__FIRST, who + " names CPU " + last + " but board '" + b.getName() + "' has "
					+ (n == 0 ? "no CPU" : n + " CPUs (0-" + (n - 1) + ")"));
	}
}
