package dev.tessera.core.resolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.plan.CpupoolPlan;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** CPUs: the boot-time cpupools with the device-tree paths of their CPUs, and where each domain runs. */
final class CpuPlanner {
	private final Map<String, CpupoolPlan> pools = new LinkedHashMap<>();

	CpuPlanner(System s, Board b) {
		List<Cpu> cpus = Systems.cpus(b);
		for (Cpupool p : s.getCpupools()) {
			List<Integer> ids = Systems.expand(p.getCpus());
			List<String> paths = ids.stream().filter(i -> i < cpus.size()).map(i -> cpus.get(i).getDtPath()).toList();
			pools.put(p.getName(), new CpupoolPlan(p.getName(), ids, paths, p.isSetScheduler() ? p.getScheduler() : null));
		}
	}

	List<CpupoolPlan> pools() {
		return List.copyOf(pools.values());
	}

	dev.tessera.core.plan.DomainPlan.Cpus of(Domain d) {
		CpupoolPlan pool = d.getCpupool() != null ? pools.get(d.getCpupool().getName()) : null;
		return new dev.tessera.core.plan.DomainPlan.Cpus(d.getVcpus(), Systems.expand(d.getPin()), pool);
	}
}
