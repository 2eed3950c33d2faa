package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A device is given to at most one domain, once. */
public final class DevicePassedOnce implements Rule {
	static final RuleInfo INFO = new RuleInfo("device.passthrough-once", Severity.ERROR,
			"A device is given to one domain",
			"Two domains driving the same hardware corrupt each other's state; Xen refuses the second assignment "
					+ "at boot or at xl create.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		java.util.Map<Device, Domain> owner = new java.util.HashMap<>();
		for (Domain d : s.getDomains())
			for (Passthrough p : d.getPassthrough()) {
				Device dev = p.getDevice();
				if (dev == null || dev.eIsProxy()) continue;
				Domain first = owner.putIfAbsent(dev, d);
				if (first == d)
					out.report(INFO, p, PASSTHROUGH__DEVICE, "device '" + dev.getName() + "' is passed through to domain '"
							+ d.getName() + "' twice: remove the duplicate");
				else if (first != null)
					out.report(INFO, p, PASSTHROUGH__DEVICE, "device '" + dev.getName() + "' is passed through to domain '"
							+ d.getName() + "' and to domain '" + first.getName() + "': give it to one of them");
			}
	}
}
