package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.model.System;
import dev.tessera.model.XenSettings;

/** Xen's command line: console, dom0's share, scheduler, then what the user adds, which may override. */
final class XenCommandLinePlanner {
	private XenCommandLinePlanner() {
	}

	static List<String> options(System s, DomainPlan dom0, String consolePath) {
		List<String> o = new ArrayList<>();
		if (consolePath != null) {
			o.add("console=dtuart");
			o.add("dtuart=" + consolePath);
		}
		if (dom0 != null) {
			o.add("dom0_mem=" + dom0.memory().mib() + "M");
			o.add("dom0_max_vcpus=" + dom0.cpus().vcpus());
			if (!dom0.cpus().pin().isEmpty()) o.add("dom0_vcpus_pin");
		}
		XenSettings x = s.getXen();
		if (x != null && x.isSetScheduler()) o.add("sched=" + x.getScheduler().getLiteral());
		if (x != null && x.isHmpUnsafe()) o.add("hmp-unsafe=true");
		if (x != null && x.getCmdline() != null && !x.getCmdline().isBlank()) o.add(x.getCmdline().trim());
		return o;
	}
}
