package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.model.System;

/** A disabled device is not passed through. */
public final class DeviceEnabledForPassthrough extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.disabled", Section.DEVICES, Severity.ERROR, "A passed-through device is enabled",
			"A device the board disables (status = \"disabled\") is usually unclocked or unwired.");

	public DeviceEnabledForPassthrough() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (PassedThrough x : Walk.passthroughs(s))
			if (x.device().isDisabled())
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName()
						+ "' is disabled on the board and cannot be passed through to domain '" + x.domain().getName() + "'");
	}
}
