package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.ArrayList;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.sched.Schedules;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** A real-time domain's CPUs are its own: no other domain can be scheduled there. */
public final class RealTimeCpusExclusive extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.rt-exclusive", Section.CPUS, Severity.ERROR, "A real-time domain's CPUs are its own",
			"A real-time OS (Zephyr, FreeRTOS) meets its deadlines only when no other domain's vCPU can take its CPU: pin it "
					+ "to CPUs no other domain uses, give it a cpupool of its own, or share an ARINC 653 or RTDS pool's CPU with other "
					+ "domains by time budgets.");

	public RealTimeCpusExclusive() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (Walk.board(s) == null) return;
		for (Domain rt : s.getDomains()) {
			if (!Systems.isRealTime(rt)) continue;
			SortedSet<Integer> mine = Systems.effectiveCpus(s, rt);
			Schedules.Pool pool = Schedules.poolOf(s, rt);
			for (Domain other : s.getDomains()) {
				if (other == rt) continue;
				// time partitions of one ARINC 653 or RTDS pool share its CPUs by their budgets (sched.* check those)
				if (pool != null && pool.domains().contains(other) && rt.isSetRtBudget() && other.isSetRtBudget()) continue;
				SortedSet<Integer> shared = new TreeSet<>(Systems.effectiveCpus(s, other));
				shared.retainAll(mine);
				if (!shared.isEmpty()) {
					out.report(INFO, rt, NAMED__NAME, "real-time domain '" + rt.getName() + "' shares CPU "
							+ Systems.cpuList(new ArrayList<>(shared)) + " with domain '" + other.getName()
							+ "': pin it to CPUs of its own or put it in a cpupool of its own");
					break;
				}
			}
		}
	}
}
