package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Device;
import dev.tessera.model.RegRange;
import dev.tessera.model.System;

/** A passed-through device has a device-tree path and registers, from which the partial device tree is made. */
public final class DeviceDescribedForPassthrough extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.passthrough-described", Section.DEVICES, Severity.ERROR,
			"A passed-through device has a path and registers",
			"Xen finds the device by its host device-tree path and maps its registers into the guest.");

	static final RuleInfo PAGE_SHARED = new RuleInfo("device.page-shared", Section.DEVICES, Severity.WARNING,
			"A passed-through device's registers fill whole pages",
			"Xen maps whole 4 KiB pages into a domain: a register window that does not start and end on a page boundary "
					+ "also gives the domain whatever else shares those pages.");

	public DeviceDescribedForPassthrough() {
		super(INFO, PAGE_SHARED);
	}

	@Override
	public void check(System s, Findings out) {
		for (PassedThrough x : Walk.passthroughs(s)) {
			Device dev = x.device();
			String to = x.domain().getName();
			if (dev.getDtPath() == null || dev.getDtPath().isEmpty())
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + dev.getName()
						+ "' has no device-tree path on the board, so it cannot be passed through to domain '" + to
						+ "': add 'path' to the device");
			else if (dev.getRegs().isEmpty())
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + dev.getName()
						+ "' has no registers on the board, so nothing can be mapped into domain '" + to + "': add 'reg' to the device");
			else
				for (RegRange r : dev.getRegs())
					if (r.getBase() % 4096 != 0 || r.getSize() % 4096 != 0)
						out.report(PAGE_SHARED, x.passthrough(), PASSTHROUGH__DEVICE, "register range " + Sizes.range(r.getBase(), r.getSize())
								+ " of device '" + dev.getName() + "' is not page-aligned: Xen maps whole 4 KiB pages, so domain '" + to
								+ "' would also reach what shares the page");
		}
	}
}
