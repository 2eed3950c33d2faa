package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** No interrupt line is shared by two domains. */
public final class InterruptNotShared implements Rule {
	static final RuleInfo INFO = new RuleInfo("device.irq-shared", Severity.ERROR, "No interrupt is shared by two domains",
			"Xen routes a physical interrupt to one domain; two devices on one line given to two domains leave one without it.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Map<String, Object[]> owner = new HashMap<>();
		for (Domain d : s.getDomains())
			for (Passthrough p : d.getPassthrough()) {
				Device dev = p.getDevice();
				if (dev == null || dev.eIsProxy()) continue;
				for (Interrupt i : dev.getIrqs()) {
					String key = i.getType().getLiteral() + " " + i.getNumber();
					Object[] first = owner.putIfAbsent(key, new Object[] { d, dev });
					if (first != null && first[0] != d)
						out.report(INFO, p, PASSTHROUGH__DEVICE, "interrupt " + key + " of device '" + dev.getName() + "' (domain '"
								+ d.getName() + "') is also the interrupt of device '" + ((Device) first[1]).getName() + "' (domain '"
								+ ((Domain) first[0]).getName() + "'): keep both devices in one domain");
				}
			}
	}
}
