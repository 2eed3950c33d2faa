package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Interrupt;
import dev.tessera.model.IrqType;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** The virtual UART's interrupt (SPI 0 in the guest) does not collide with a passed-through one. */
public final class VuartInterruptFree extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.vuart-irq", Section.DEVICES, Severity.ERROR,
			"The virtual UART's interrupt is not a passed-through one",
			"Xen's virtual PL011 uses SPI 0 (GUEST_VPL011_SPI); a device passed through with SPI 0 collides with it.");

	public VuartInterruptFree() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (PassedThrough x : Walk.passthroughs(s)) {
			if (!x.domain().isVuart() || Systems.startOf(x.domain()) == Start.DOM0) continue;
			for (Interrupt i : x.device().getIrqs())
				if (i.getType() == IrqType.SPI && i.getNumber() == 0)
					out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName()
							+ "' uses SPI 0, which Xen gives the virtual UART of domain '" + x.domain().getName()
							+ "': write 'vuart off' or keep the device elsewhere");
		}
	}
}
