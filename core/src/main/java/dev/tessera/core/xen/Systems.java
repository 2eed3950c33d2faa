package dev.tessera.core.xen;

import java.util.List;
import java.util.Optional;

import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Domain;
import dev.tessera.model.Role;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.model.Xsm;

/** Facts derived from a system that every rule, the resolver and the templates agree on. */
public final class Systems {
	private Systems() {
	}

	/** A control domain is started by Xen as dom0; every other domain at boot unless it says xl. */
	public static Start startOf(Domain d) {
		if (d.getRole() == Role.CONTROL) return Start.DOM0;
		return d.isSetStart() ? d.getStart() : Start.BOOT;
	}

	public static Optional<Domain> dom0(System s) {
		return s.getDomains().stream().filter(d -> startOf(d) == Start.DOM0).findFirst();
	}

	public static List<Domain> bootDomains(System s) {
		return s.getDomains().stream().filter(d -> startOf(d) == Start.BOOT).toList();
	}

	public static List<Domain> xlDomains(System s) {
		return s.getDomains().stream().filter(d -> startOf(d) == Start.XL).toList();
	}

	/** The security module the system chooses in its xen block ({@code xsm ...}), or null when it chooses none. */
	public static Xsm xsm(System s) {
		return s.getXen() != null && s.getXen().isSetXsm() ? s.getXen().getXsm() : null;
	}

	/** Whether the system runs FLASK with the policy Tessera writes for it ({@code xsm flask}). */
	public static boolean flask(System s) {
		return xsm(s) == Xsm.FLASK;
	}

	public static XenVersion xenVersion(System s) {
		if (s.getXen() == null || s.getXen().getVersion() == null) return XenVersion.DEFAULT;
		return XenVersion.parse(s.getXen().getVersion()).orElse(XenVersion.DEFAULT);
	}

	/** The board's CPUs in the order Xen numbers them (device-tree order, cluster by cluster). */
	public static List<Cpu> cpus(Board b) {
		if (b == null) return List.of();
		return b.getClusters().stream().flatMap(c -> c.getCpus().stream()).toList();
	}

	public static int lastOf(CpuRange r) {
		return r.isSetLast() ? r.getLast() : r.getFirst();
	}

	/** Logical CPU numbers of a CPU list, in order, duplicates kept (rules report them). */
	public static List<Integer> expand(List<CpuRange> ranges) {
		java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
		for (CpuRange r : ranges) {
			int last = lastOf(r);
			// a long counter: a range ending at Integer.MAX_VALUE must not wrap around to negative CPUs
			for (long i = r.getFirst(); i <= last && out.size() < 4096; i++) out.add((int) i);
		}
		return out;
	}

	/** "0-3,6" as written by Xen (hard-affinity strings, xl cpus=). */
	public static String cpuList(List<Integer> cpus) {
		StringBuilder sb = new StringBuilder();
		int i = 0;
		while (i < cpus.size()) {
			int j = i;
			while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) j++;
			if (sb.length() > 0) sb.append(',');
			sb.append(cpus.get(i));
			if (j > i) sb.append('-').append(cpus.get(j));
			i = j + 1;
		}
		return sb.toString();
	}

	/**
	 * The CPUs a domain can run on: its pinning when it has one, else its cpupool's CPUs, else Pool-0's (every
	 * CPU of the board that no cpupool takes).
	 */
	public static java.util.SortedSet<Integer> effectiveCpus(System s, Domain d) {
		java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
		if (!d.getPin().isEmpty()) out.addAll(expand(d.getPin()));
		else if (d.getCpupool() != null && !d.getCpupool().eIsProxy()) out.addAll(expand(d.getCpupool().getCpus()));
		else {
			java.util.Set<Integer> pooled = new java.util.HashSet<>();
			for (var p : s.getCpupools()) pooled.addAll(expand(p.getCpus()));
			int n = s.getBoard() == null || s.getBoard().eIsProxy() ? 0 : cpus(s.getBoard()).size();
			for (int i = 0; i < n; i++) if (!pooled.contains(i)) out.add(i);
		}
		return out;
	}

	/** A domain running a real-time OS (Zephyr, FreeRTOS, QNX, ERIKA): it must not share its CPUs. */
	public static boolean isRealTime(Domain d) {
		return switch (d.getOs()) {
			case ZEPHYR, FREERTOS, QNX, ERIKA -> true;
			default -> false;
		};
	}

	public static long staticTotal(Domain d) {
		long total = 0;
		for (var r : d.getStaticMemory()) total += r.getSize() > 0 ? r.getSize() : 0;
		return total;
	}
}
