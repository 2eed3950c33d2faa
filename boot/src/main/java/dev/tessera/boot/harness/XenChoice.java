package dev.tessera.boot.harness;

import java.nio.file.Path;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.model.Scheduler;
import dev.tessera.model.System;

/**
 * Debian's Xen 4.17 lacks static memory, static shared memory, boot-time cpupools and the null, RTDS and
 * ARINC 653 schedulers; a system that uses any of them boots on the harness's own build of Debian's source with
 * those options (e2e/assets.sh). Chosen from the system itself, before anything is generated: Xen's size is
 * measured when the boot modules are placed.
 */
final class XenChoice {
	private XenChoice() {
	}

	static boolean needsFeatures(System s) {
		if (!s.getCpupools().isEmpty() || !s.getSharedMemory().isEmpty()) return true;
		if (s.getDomains().stream().anyMatch(d -> d.isStaticAllocation() || !d.getStaticMemory().isEmpty())) return true;
		Scheduler sched = s.getXen() != null && s.getXen().isSetScheduler() ? s.getXen().getScheduler() : null;
		return sched == Scheduler.NULL || sched == Scheduler.RTDS || sched == Scheduler.ARINC653;
	}

	static Path forSystem(System s, BootAssets assets) {
		return needsFeatures(s) ? assets.xenFeatures() : assets.xenDebian();
	}
}
