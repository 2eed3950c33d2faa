package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.CPU_RANGE__FIRST;

import java.util.List;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.System;

/** Xen names a cpupool's CPUs by their device-tree nodes: a pooled CPU needs its path on the board. */
public final class PooledCpusHavePaths extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpupool.cpu-path", Section.CPUPOOLS, Severity.ERROR, "A pooled CPU has a device-tree path",
			"A boot-time cpupool lists its CPUs by phandle of their /cpus nodes; a CPU the board declares without a path "
					+ "cannot be named.");

	public PooledCpusHavePaths() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		List<Cpu> cpus = Systems.cpus(b);
		for (Cpupool p : s.getCpupools())
			for (CpuRange r : p.getCpus())
				for (int c : Systems.expand(List.of(r)))
					if (c < cpus.size() && (cpus.get(c).getDtPath() == null || cpus.get(c).getDtPath().isEmpty()))
						out.report(INFO, r, CPU_RANGE__FIRST, "CPU " + c + " ('" + cpus.get(c).getName() + "') of cpupool '" + p.getName()
								+ "' has no device-tree path on board '" + b.getName() + "': add 'path \"/cpus/cpu@N\"' to it");
	}
}
