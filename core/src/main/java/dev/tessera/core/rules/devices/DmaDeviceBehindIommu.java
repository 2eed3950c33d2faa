package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.board.IommuCoverage;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * A DMA-capable device without an IOMMU can reach all memory: it is passed through only to a direct-mapped
 * domain (which then loses isolation, reported as a warning).
 */
public final class DmaDeviceBehindIommu extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.dma-iommu", Section.DEVICES, Severity.ERROR,
			"A DMA device is passed through behind an IOMMU",
			"Without an IOMMU a device's DMA uses physical addresses: in a guest whose memory is not direct-mapped "
					+ "it writes to the wrong memory, and in any guest it can reach every other domain.");
	static final RuleInfo ISOLATION = new RuleInfo("device.dma-isolation", Section.DEVICES, Severity.WARNING,
			"DMA without an IOMMU gives up isolation",
			"A direct-mapped domain can use a DMA device without an IOMMU, but the device can then read and write "
					+ "all memory, including Xen's and other domains'.");

	public DmaDeviceBehindIommu() {
		super(INFO, ISOLATION);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		for (PassedThrough x : Walk.passthroughs(s)) {
			Device dev = x.device();
			Domain d = x.domain();
			if (!dev.isDma() || IommuCoverage.covered(b, dev)) continue;
			if (d.isDirectMap())
				out.report(ISOLATION, x.passthrough(), PASSTHROUGH__DEVICE, "DMA device '" + dev.getName() + "' has no IOMMU on board '"
						+ b.getName() + "': direct-mapped domain '" + d.getName() + "' can use it, but the device can reach all memory (no isolation)");
			else
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "DMA device '" + dev.getName() + "' has no IOMMU on board '"
						+ b.getName() + "', so domain '" + d.getName() + "' cannot use it safely: " + (Systems.startOf(d) == Start.BOOT
								? "make the domain direct-mapped (static memory + direct-map) or keep the device in dom0"
								: "keep the device in dom0, or start the domain at-boot with static memory and direct-map"));
		}
	}
}
