package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A disabled device is not passed through. */
public final class DeviceEnabledForPassthrough implements Rule {
	static final RuleInfo INFO = new RuleInfo("device.disabled", Severity.ERROR, "A passed-through device is enabled",
			"A device the board disables (status = \"disabled\") is usually unclocked or unwired.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (Passthrough p : d.getPassthrough())
				if (p.getDevice() != null && !p.getDevice().eIsProxy() && p.getDevice().isDisabled())
					out.report(INFO, p, PASSTHROUGH__DEVICE, "device '" + p.getDevice().getName()
							+ "' is disabled on the board and cannot be passed through to domain '" + d.getName() + "'");
	}
}
