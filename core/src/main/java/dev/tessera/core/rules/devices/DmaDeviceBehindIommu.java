package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.board.IommuCoverage;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/**
 * A DMA-capable device without an IOMMU can reach all memory: it is passed through only to a direct-mapped
 * domain (which then loses isolation, reported as a warning).
 */
public final class DmaDeviceBehindIommu implements Rule {
	static final RuleInfo INFO = new RuleInfo("device.dma-iommu", Severity.ERROR,
			"A DMA device is passed through behind an IOMMU",
			"Without an IOMMU a device's DMA uses physical addresses: in a guest whose memory is not direct-mapped "
					+ "it writes to the wrong memory, and in any guest it can reach every other domain.");
	static final RuleInfo ISOLATION = new RuleInfo("device.dma-isolation", Severity.WARNING,
			"DMA without an IOMMU gives up isolation",
			"A direct-mapped domain can use a DMA device without an IOMMU, but the device can then read and write "
					+ "all memory, including Xen's and other domains'.");

	public RuleInfo info() {
		return INFO;
	}

	public java.util.List<RuleInfo> infos() {
		return java.util.List.of(INFO, ISOLATION);
	}

	public void check(System s, Findings out) {
		Board b = s.getBoard();
		if (b == null || b.eIsProxy()) return;
		for (Domain d : s.getDomains())
			for (Passthrough p : d.getPassthrough()) {
				Device dev = p.getDevice();
				if (dev == null || dev.eIsProxy() || !dev.isDma() || IommuCoverage.covered(b, dev)) continue;
				if (d.isDirectMap())
					out.report(ISOLATION, p, PASSTHROUGH__DEVICE, "DMA device '" + dev.getName()
							+ "' has no IOMMU on board '" + b.getName() + "': direct-mapped domain '" + d.getName()
							+ "' can use it, but the device can reach all memory (no isolation)");
				else
					out.report(INFO, p, PASSTHROUGH__DEVICE, "DMA device '" + dev.getName() + "' has no IOMMU on board '"
							+ b.getName() + "', so domain '" + d.getName()
							+ "' cannot use it safely: " + (Systems.startOf(d) == Start.BOOT
									? "make the domain direct-mapped (static memory + direct-map) or keep the device in dom0"
									: "keep the device in dom0, or start the domain at-boot with static memory and direct-map"));
			}
	}

}
