package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.model.Device;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.System;

/** Xen's own console UART is never passed through. */
public final class DeviceNotReservedForXen extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.xen-owned", Section.DEVICES, Severity.ERROR,
			"Xen's own devices are not passed through",
			"Xen drives its console UART, the interrupt controller, the IOMMUs and the timer itself; a domain given "
					+ "one of them takes it from under Xen.");

	public DeviceNotReservedForXen() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Device console = s.getXen() == null ? null : s.getXen().getConsole();
		for (PassedThrough x : Walk.passthroughs(s))
			if (x.device() == console)
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName()
						+ "' is Xen's console and cannot be passed through to domain '" + x.domain().getName()
						+ "': use another UART for the domain, or its virtual UART (vuart)");
			else if (x.device().getKind() == DeviceKind.TIMER)
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName()
						+ "' is the timer Xen uses and cannot be passed through to domain '" + x.domain().getName() + "'");
	}
}
