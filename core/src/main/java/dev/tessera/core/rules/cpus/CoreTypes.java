package dev.tessera.core.rules.cpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.tessera.core.rules.Walk;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuCluster;
import dev.tessera.model.System;

/**
 * big.LITTLE under Xen (docs/misc/arm/big.LITTLE.txt, xen/arch/arm/smpboot.c): by default Xen parks every CPU
 * whose type differs from the boot CPU's, so those CPUs cannot be used; with hmp-unsafe it runs them all, and then
 * each domain must keep to one core type, or its vCPUs may move between big and LITTLE cores. This is what the two
 * rules about it know of a board: its CPUs in Xen's order and the type of its boot CPU (CPU 0).
 */
record CoreTypes(List<Cpu> cpus, String bootType) {

	/** The core types of the system's board, when it resolves and says the boot CPU's type. */
	static Optional<CoreTypes> of(System s) {
		Board b = Walk.board(s);
		if (b == null) return Optional.empty();
		List<Cpu> cpus = Systems.cpus(b);
		String bootType = cpus.isEmpty() ? null : typeOf(cpus.get(0));
		return bootType == null ? Optional.empty() : Optional.of(new CoreTypes(cpus, bootType));
	}

	/** Those of the given CPUs whose type the board says, by type (in the order of the types' names). */
	Map<String, List<Integer>> byType(Collection<Integer> ids) {
		Map<String, List<Integer>> out = new TreeMap<>();
		for (int c : ids)
			if (c < cpus.size() && typeOf(cpus.get(c)) != null) out.computeIfAbsent(typeOf(cpus.get(c)), k -> new ArrayList<>()).add(c);
		return out;
	}

	private static String typeOf(Cpu c) {
		return c.eContainer() instanceof CpuCluster cl ? cl.getCoreType() : null;
	}
}
