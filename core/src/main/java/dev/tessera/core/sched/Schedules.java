package dev.tessera.core.sched;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.xen.Systems;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.Scheduler;
import dev.tessera.model.System;

/**
 * The real-time pools of a system, as rules and the resolver see them: a cpupool whose scheduler is ARINC 653 or
 * RTDS, or Pool-0 when Xen's own scheduler is one of them, with the domains that run there.
 */
public final class Schedules {
	private Schedules() {
	}

	/**
	 * A pool and its domains. {@code cpupool} is null for Pool-0 (the CPUs no cpupool takes, where dom0 runs);
	 * {@code majorFrame} and {@code switchOverhead} are in microseconds (0: unset).
	 */
	public record Pool(Cpupool cpupool, Scheduler scheduler, List<Domain> domains, long majorFrame, long switchOverhead) {
		public String name() {
			return cpupool != null ? cpupool.getName() : "Pool-0";
		}

		/** The domains with a budget, as partitions of a schedule. */
		public List<Arinc653Synthesis.Partition> partitions() {
			return domains.stream().filter(d -> d.isSetRtBudget() && d.isSetRtPeriod())
					.map(d -> new Arinc653Synthesis.Partition(d.getName(), d.getRtPeriod(), d.getRtBudget())).toList();
		}

		/** Every domain of an ARINC 653 pool has a sound budget and every period divides the frame: it can be synthesised. */
		public boolean synthesisable() {
			if (scheduler != Scheduler.ARINC653 || domains.isEmpty()) return false;
			for (Domain d : domains)
				if (!d.isSetRtBudget() || !d.isSetRtPeriod() || d.getRtPeriod() <= 0 || d.getRtBudget() <= 0 || d.getRtBudget() > d.getRtPeriod())
					return false;
			if (majorFrame > 0) return domains.stream().allMatch(d -> majorFrame % d.getRtPeriod() == 0);
			try {
				Arinc653Synthesis.hyperperiod(partitions());
				return true;
			} catch (ArithmeticException e) {
				return false;
			}
		}

		/** The schedule, when {@link #synthesisable()}. */
		public Arinc653Synthesis.Result synthesise() {
			return Arinc653Synthesis.synthesise(partitions(), majorFrame, switchOverhead);
		}
	}

	public static boolean realTime(Scheduler s) {
		return s == Scheduler.ARINC653 || s == Scheduler.RTDS;
	}

	/** Every ARINC 653 or RTDS pool, cpupools in declaration order, then Pool-0. */
	public static List<Pool> realTimePools(System s) {
		List<Pool> out = new ArrayList<>();
		for (Cpupool p : s.getCpupools())
			if (p.isSetScheduler() && realTime(p.getScheduler()))
				out.add(new Pool(p, p.getScheduler(), s.getDomains().stream().filter(d -> d.getCpupool() == p).toList(),
						p.isSetMajorFrame() ? p.getMajorFrame() : 0, p.getSwitchOverhead()));
		if (s.getXen() != null && s.getXen().isSetScheduler() && realTime(s.getXen().getScheduler()))
			out.add(new Pool(null, s.getXen().getScheduler(), s.getDomains().stream().filter(d -> d.getCpupool() == null).toList(),
					s.getXen().isSetMajorFrame() ? s.getXen().getMajorFrame() : 0, 0));
		return out;
	}

	/** The real-time pool a domain runs in, or null. */
	public static Pool poolOf(System s, Domain d) {
		for (Pool p : realTimePools(s)) if (p.domains().contains(d)) return p;
		return null;
	}

	/** The CPUs of a pool, for Pool-0 those no cpupool takes. */
	public static java.util.SortedSet<Integer> cpus(System s, Pool p) {
		if (p.cpupool() != null) return new java.util.TreeSet<>(Systems.expand(p.cpupool().getCpus()));
		java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
		java.util.Set<Integer> pooled = new java.util.HashSet<>();
		for (Cpupool c : s.getCpupools()) pooled.addAll(Systems.expand(c.getCpus()));
		int n = s.getBoard() == null || s.getBoard().eIsProxy() ? 0 : Systems.cpus(s.getBoard()).size();
		for (int i = 0; i < n; i++) if (!pooled.contains(i)) out.add(i);
		return out;
	}
}
