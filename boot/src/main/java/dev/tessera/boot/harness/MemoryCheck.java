package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.qemu.BootResult;

/**
 * What markers cannot say by their presence, checked after a marker boot: each domain's memory as its kernel sees it
 * (MemTotal, less than what Xen gave it by what the kernel keeps for itself) lies between half of and all of the
 * declared memory.
 */
final class MemoryCheck {
	private MemoryCheck() {
	}

	/** {@code silent}: domains that report nothing (the burners). */
	static List<String> problems(PlanView plan, BootResult result, Set<String> silent) {
		List<String> problems = new ArrayList<>();
		for (PlanView.Domain d : plan.domains()) {
			if (silent.contains(d.name())) continue;
			var mem = result.marker(d.name(), MarkerKind.MEM);
			if (mem.isEmpty()) {
				problems.add(d.name() + " reported no memory");
				continue;
			}
			long kib = mem.get().longField("kib");
			if (kib > d.memoryKib() || kib < d.memoryKib() / 2)
				problems.add(d.name() + " sees " + kib + " KiB of memory, declared " + d.memoryKib() + " KiB");
		}
		return problems;
	}
}
