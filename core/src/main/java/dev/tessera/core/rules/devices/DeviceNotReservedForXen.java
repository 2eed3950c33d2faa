package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Xen's own console UART is never passed through. */
public final class DeviceNotReservedForXen implements Rule {
	static final RuleInfo INFO = new RuleInfo("device.xen-owned", Severity.ERROR,
			"Xen's own devices are not passed through",
			"Xen drives its console UART, the interrupt controller, the IOMMUs and the timer itself; a domain given "
					+ "one of them takes it from under Xen.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Device console = s.getXen() == null ? null : s.getXen().getConsole();
		for (Domain d : s.getDomains())
			for (Passthrough p : d.getPassthrough()) {
				Device dev = p.getDevice();
				if (dev == null || dev.eIsProxy()) continue;
				if (dev == console)
					out.report(INFO, p, PASSTHROUGH__DEVICE, "device '" + dev.getName()
							+ "' is Xen's console and cannot be passed through to domain '" + d.getName()
							+ "': use another UART for the domain, or its virtual UART (vuart)");
				else if (dev.getKind() == DeviceKind.TIMER)
					out.report(INFO, p, PASSTHROUGH__DEVICE, "device '" + dev.getName()
							+ "' is the timer Xen uses and cannot be passed through to domain '" + d.getName() + "'");
			}
	}
}
