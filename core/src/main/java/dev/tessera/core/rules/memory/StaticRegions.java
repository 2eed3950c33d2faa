package dev.tessera.core.rules.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.Domain;
import dev.tessera.model.StaticRegion;
import dev.tessera.model.System;

/** The static memory of a system's domains, as the static-memory rules walk it. */
public final class StaticRegions {
	private StaticRegions() {
	}

	/** A static region with an address, of a domain; a region without a size takes the domain's memory. */
	public record Placed(Domain domain, StaticRegion region, long base, long size) {
		public String range() {
			return Sizes.range(base, size);
		}

		public boolean overlaps(long otherBase, long otherSize) {
			return Sizes.overlaps(base, size, otherBase, otherSize);
		}
	}

	/** Every static region with an address, domain by domain. */
	public static List<Placed> of(System s) {
		List<Placed> out = new ArrayList<>();
		for (Domain d : s.getDomains())
			for (StaticRegion r : d.getStaticMemory())
				if (r.isSetBase()) out.add(new Placed(d, r, r.getBase(), r.getSize() > 0 ? r.getSize() : Math.max(d.getMemory(), 0)));
		return out;
	}

	public static String banks(Board b) {
		return b.getRam().stream().map(bank -> bank.getName() + " " + Sizes.range(bank.getBase(), bank.getSize()))
				.collect(Collectors.joining(", "));
	}
}
