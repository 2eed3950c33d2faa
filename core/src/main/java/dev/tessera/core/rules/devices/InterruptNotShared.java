package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import java.util.HashMap;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.model.Interrupt;
import dev.tessera.model.System;

/** No interrupt line is shared by two domains. */
public final class InterruptNotShared extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.irq-shared", Section.DEVICES, Severity.ERROR, "No interrupt is shared by two domains",
			"Xen routes a physical interrupt to one domain; two devices on one line given to two domains leave one without it.");

	public InterruptNotShared() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Map<String, PassedThrough> first = new HashMap<>();
		for (PassedThrough x : Walk.passthroughs(s))
			for (Interrupt i : x.device().getIrqs()) {
				String key = i.getType().getLiteral().toUpperCase(java.util.Locale.ROOT) + " " + i.getNumber();
				PassedThrough y = first.putIfAbsent(key, x);
				if (y != null && y.domain() != x.domain())
					out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "interrupt " + key + " of device '" + x.device().getName()
							+ "' (domain '" + x.domain().getName() + "') is also the interrupt of device '" + y.device().getName()
							+ "' (domain '" + y.domain().getName() + "'): keep both devices in one domain");
			}
	}
}
