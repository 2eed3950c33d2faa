package dev.tessera.core.plan;

import java.util.List;
import java.util.stream.Collectors;

import dev.tessera.model.Scheduler;

/**
 * A boot-time cpupool: its CPUs by logical number and by device-tree path (Xen refers to them by phandle), and its
 * scheduler (null: Xen's default).
 */
public record CpupoolPlan(String name, List<Integer> cpus, List<String> cpuPaths, Scheduler scheduler) {
	/**
	 * The pool's CPUs as {@code xl cpupool-list -c} prints them ("1,2,3": every CPU, in order; xl/xl_cpupool.c), which
	 * is how dom0 finds a boot-time pool: Xen numbers them, xen-init-dom0 names them "Pool-&lt;id&gt;".
	 */
	public String xlCpuList() {
		return cpus.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
	}
}
