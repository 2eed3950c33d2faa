package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.Interrupt;
import dev.tessera.model.IrqType;
import dev.tessera.model.System;

/**
 * Xen routes a passed-through device's shared peripheral interrupts to its domain (xen,path and interrupts in the
 * partial tree, route_irq_to_guest); it never routes a per-CPU one (PPI), and an SPI exists only up to the GIC's
 * architectural limit (INTID 1019, SPI 987).
 */
public final class InterruptsRoutable extends Rule {
	/** The last SPI number the GIC architecture has (INTID 1019 less the 32 SGIs and PPIs). */
	public static final int MAX_SPI = 987;

	static final RuleInfo INFO = new RuleInfo("device.irq-routable", Section.DEVICES, Severity.ERROR,
			"A passed-through device's interrupts are SPIs Xen can route",
			"Xen routes shared peripheral interrupts (SPIs) to the domain that owns a device; per-CPU interrupts (PPIs) stay "
					+ "with Xen, so a device that only has PPIs would reach its domain without a working interrupt, and an SPI "
					+ "beyond the GIC architecture's range (SPI 0-987, INTID 1019) does not exist: Xen refuses to route it and the domain "
					+ "does not start. Devices of kind timer are device.xen-owned's.");

	public InterruptsRoutable() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (PassedThrough x : Walk.passthroughs(s)) {
			var irqs = x.device().getIrqs();
			if (irqs.isEmpty() || x.device().getKind() == DeviceKind.TIMER) continue;
			if (irqs.stream().allMatch(i -> i.getType() == IrqType.PPI))
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName() + "' has only per-CPU "
						+ "interrupts (PPI " + irqs.get(0).getNumber() + "), which Xen keeps: it cannot route them to domain '"
						+ x.domain().getName() + "'");
			for (Interrupt i : irqs)
				if (i.getType() == IrqType.SPI && (i.getNumber() < 0 || i.getNumber() > MAX_SPI))
					out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName() + "' has SPI "
							+ i.getNumber() + ", beyond the GIC architecture's SPIs 0-" + MAX_SPI + ": Xen cannot route it to domain '"
							+ x.domain().getName() + "'");
		}
	}
}
