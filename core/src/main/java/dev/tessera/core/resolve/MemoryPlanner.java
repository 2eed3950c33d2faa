package dev.tessera.core.resolve;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.plan.MemoryRange;
import dev.tessera.core.plan.SharedMemoryPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.Domain;
import dev.tessera.model.ShmMapping;
import dev.tessera.model.SharedMemory;
import dev.tessera.model.StaticRegion;
import dev.tessera.model.System;

/**
 * Memory placement: what RAM is free once the board's reserved regions and every fixed static region are taken,
 * then static memory without an address and shared memory without an address, each from the top of free RAM.
 * What stays free is where the boot modules go.
 */
final class MemoryPlanner {
	/** Tessera-placed static and shared memory is 2 MiB aligned, as Xen maps it best. */
	static final long ALIGN = Resolver.ALIGN;

	/** The RAM left for boot modules, and each domain's static memory and shared-memory views. */
	record Layout(FreeMemory free, Map<Domain, List<MemoryRange>> staticMemory, Map<Domain, List<SharedMemoryPlan>> shared) {
		List<MemoryRange> staticOf(Domain d) {
			return staticMemory.getOrDefault(d, List.of());
		}

		List<SharedMemoryPlan> sharedOf(Domain d) {
			return shared.getOrDefault(d, List.of());
		}
	}

	private MemoryPlanner() {
	}

	static Layout plan(System s, Board b, Findings out) {
		FreeMemory free = new FreeMemory();
		b.getRam().forEach(r -> free.add(r.getBase(), r.getSize()));
		b.getReserved().forEach(r -> free.claim(r.getBase(), r.getSize()));
		for (Domain d : s.getDomains())
			for (StaticRegion r : d.getStaticMemory())
				if (r.isSetBase()) free.claim(r.getBase(), r.getSize() > 0 ? r.getSize() : d.getMemory());
		Map<Domain, List<MemoryRange>> staticMemory = placeStaticMemory(s, free, out);
		Map<Domain, List<SharedMemoryPlan>> shared = placeSharedMemory(s, free, out);
		return new Layout(free, staticMemory, shared);
	}

	private static Map<Domain, List<MemoryRange>> placeStaticMemory(System s, FreeMemory free, Findings out) {
		Map<Domain, List<MemoryRange>> result = new LinkedHashMap<>();
		for (Domain d : s.getDomains()) {
			if (!d.isStaticAllocation()) continue;
			List<MemoryRange> ranges = new ArrayList<>();
			boolean placed = d.getStaticMemory().stream().anyMatch(StaticRegion::isSetBase);
			if (placed) {
				for (StaticRegion r : d.getStaticMemory())
					ranges.add(new MemoryRange(r.getBase(), r.getSize() > 0 ? r.getSize() : d.getMemory()));
			} else if (d.getMemory() > 0) {
				long size = Sizes.alignUp(d.getMemory(), ALIGN);
				OptionalLong base = free.highest(size, ALIGN);
				if (base.isEmpty()) {
					out.report(ResolutionRules.STATIC_FIT, d, DOMAIN__STATIC_ALLOCATION, "no free RAM holds the "
							+ Sizes.human(size) + " of static memory of domain '" + d.getName()
							+ "' (the largest free range is " + Sizes.human(free.largest()) + ")");
					continue;
				}
				free.claim(base.getAsLong(), size);
				ranges.add(new MemoryRange(base.getAsLong(), d.getMemory()));
			}
			result.put(d, ranges);
		}
		return result;
	}

	/** Shared regions with an address stay there; the others come from the top of free RAM, like static memory. */
	private static Map<Domain, List<SharedMemoryPlan>> placeSharedMemory(System s, FreeMemory free, Findings out) {
		for (SharedMemory shm : s.getSharedMemory())
			if (shm.isSetBase()) free.claim(shm.getBase(), shm.getSize());
		Map<Domain, List<SharedMemoryPlan>> result = new LinkedHashMap<>();
		for (SharedMemory shm : s.getSharedMemory()) {
			long host;
			if (shm.isSetBase()) host = shm.getBase();
			else {
				long size = Sizes.alignUp(Math.max(shm.getSize(), 1), ALIGN);
				OptionalLong base = free.highest(size, ALIGN);
				if (base.isEmpty()) {
					out.report(ResolutionRules.STATIC_FIT, shm, NAMED__NAME, "no free RAM holds the " + Sizes.human(size)
							+ " of shared memory '" + shm.getName() + "' (the largest free range is " + Sizes.human(free.largest()) + ")");
					continue;
				}
				free.claim(base.getAsLong(), size);
				host = base.getAsLong();
			}
			List<ShmMapping> all = new ArrayList<>();
			if (shm.getOwner() != null) all.add(shm.getOwner());
			all.addAll(shm.getBorrowers());
			for (ShmMapping m : all) {
				if (m.getDomain() == null || m.getDomain().eIsProxy()) continue;
				long guest = m.isSetGuestAddress() ? m.getGuestAddress() : host;
				SharedMemoryPlan.Role role = m == shm.getOwner() ? SharedMemoryPlan.Role.OWNER : SharedMemoryPlan.Role.BORROWER;
				result.computeIfAbsent(m.getDomain(), k -> new ArrayList<>()).add(new SharedMemoryPlan(shm.getName(), role, host, guest, shm.getSize()));
			}
		}
		return result;
	}
}
