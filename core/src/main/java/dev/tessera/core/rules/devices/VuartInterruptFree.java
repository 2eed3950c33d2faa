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

/** The virtual UART's interrupt (SPI 0 in the guest) does not collide with a passed-through one. */
public final class VuartInterruptFree implements Rule {
	static final RuleInfo INFO = new RuleInfo("device.vuart-irq", Severity.ERROR,
			"The virtual UART's interrupt is not a passed-through one",
			"Xen's virtual PL011 uses SPI 0 (GUEST_VPL011_SPI); a device passed through with SPI 0 collides with it.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			if (!d.isVuart() || Systems.startOf(d) == Start.DOM0) continue;
			for (Passthrough p : d.getPassthrough())
				if (p.getDevice() != null && !p.getDevice().eIsProxy())
					for (Interrupt i : p.getDevice().getIrqs())
						if (i.getType() == IrqType.SPI && i.getNumber() == 0)
							out.report(INFO, p, PASSTHROUGH__DEVICE, "device '" + p.getDevice().getName()
									+ "' uses SPI 0, which Xen gives the virtual UART of domain '" + d.getName()
									+ "': write 'vuart off' or keep the device elsewhere");
		}
	}
}
