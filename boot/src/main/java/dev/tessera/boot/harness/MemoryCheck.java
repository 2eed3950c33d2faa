package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.List;

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

	static List<String> problems(PlanView plan, BootResult result) {
		List<String> problems = new ArrayList<>();
		for (PlanView.Domain d : plan.domains()) {
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
