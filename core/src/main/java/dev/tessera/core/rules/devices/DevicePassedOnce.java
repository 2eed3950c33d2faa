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
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** A device is given to at most one domain, once. */
public final class DevicePassedOnce extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.passthrough-once", Section.DEVICES, Severity.ERROR,
			"A device is given to one domain",
			"Two domains driving the same hardware corrupt each other's state; Xen refuses the second assignment "
					+ "at boot or at xl create.");

	public DevicePassedOnce() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Map<Device, Domain> owner = new HashMap<>();
		for (PassedThrough x : Walk.passthroughs(s)) {
			Domain first = owner.putIfAbsent(x.device(), x.domain());
			String given = "device '" + x.device().getName() + "' is passed through to domain '" + x.domain().getName() + "'";
			if (first == x.domain())
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, given + " twice: remove the duplicate");
			else if (first != null)
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, given + " and to domain '" + first.getName() + "': give it to one of them");
		}
	}
}
