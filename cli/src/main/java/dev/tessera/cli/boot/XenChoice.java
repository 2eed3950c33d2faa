package dev.tessera.cli.boot;

import java.nio.file.Path;

import dev.tessera.boot.BootAssets;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.Plan;

/**
 * Debian's Xen 4.17 lacks static memory, static shared memory, boot-time cpupools and the null, RTDS and
 * ARINC 653 schedulers; a system that uses any of them boots on the harness's own build of Debian's source with
 * those options (e2e/assets.sh).
 */
final class XenChoice {
	private XenChoice() {
	}

	static boolean needsFeatures(Plan plan) {
		if (!plan.cpupools().isEmpty()) return true;
		for (DomainPlan d : plan.domains())
			if (!d.staticMemory().isEmpty() || !d.sharedMemory().isEmpty()) return true;
		return plan.xenOptions().stream().anyMatch(o -> o.equals("sched=null") || o.equals("sched=rtds") || o.equals("sched=arinc653"));
	}

	static Path forPlan(Plan plan, BootAssets assets) {
		return needsFeatures(plan) ? assets.xenFeatures() : assets.xenDebian();
	}
}
