package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import java.util.List;

import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Gic;
import dev.tessera.model.Iommu;
import dev.tessera.model.RegRange;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.System;

/**
 * Xen's console UART, its timer, the GIC and the IOMMUs are never passed through: a board device is the GIC or an IOMMU
 * when it has its device-tree path or registers in its registers.
 */
public final class DeviceNotReservedForXen extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.xen-owned", Section.DEVICES, Severity.ERROR,
			"Xen's own devices are not passed through",
			"Xen drives its console UART, the interrupt controller (GIC), the IOMMUs and the timer itself; a domain given "
					+ "one of them takes it from under Xen. A device is the GIC or an IOMMU when it has its device-tree path or "
					+ "registers that overlap its registers; every device of kind timer counts as the timer.");

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
						+ "' is a timer, which Xen keeps for itself: it cannot be passed through to domain '" + x.domain().getName() + "'");
			else {
				String xens = xensOwn(Walk.board(s), x.device());
				if (xens != null)
					out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName() + "' is " + xens
							+ ", which Xen drives itself: it cannot be passed through to domain '" + x.domain().getName() + "'");
			}
	}

	/** "the GIC (/intc@8000000)" or "IOMMU 'smmu0' (/iommu@e6740000)" when the device is one of them, else null. */
	private static String xensOwn(Board b, Device d) {
		if (b == null) return null;
		Gic gic = b.getGic();
		if (gic != null && same(d, gic.getDtPath(), gic.getRegs())) return "the GIC" + at(gic.getDtPath());
		for (Iommu i : b.getIommus())
			if (same(d, i.getDtPath(), i.getRegs())) return "IOMMU '" + i.getName() + "'" + at(i.getDtPath());
		return null;
	}

	private static String at(String path) {
		return path == null || path.isEmpty() ? "" : " (" + path + ")";
	}

	private static boolean same(Device d, String path, List<RegRange> regs) {
		if (path != null && path.equals(d.getDtPath())) return true;
		for (RegRange a : d.getRegs())
			for (RegRange r : regs)
				if (a.getSize() > 0 && r.getSize() > 0 && a.getBase() < r.getBase() + r.getSize() && r.getBase() < a.getBase() + a.getSize())
					return true;
		return false;
	}
}
