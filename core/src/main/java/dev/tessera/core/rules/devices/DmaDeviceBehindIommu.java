package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.DEVICE__NO_DMA;
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
import dev.tessera.model.DeviceKind;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * A DMA-capable device without an IOMMU can reach all memory: it is passed through only to a direct-mapped
 * domain (which then loses isolation, reported as a warning). A device the board says neither 'dma' nor 'no-dma' of is
 * unknown: passed where it would matter, it is said, so that someone checks the binding.
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

	static final RuleInfo UNKNOWN = new RuleInfo("device.dma-unknown", Section.DEVICES, Severity.WARNING,
			"Whether a passed-through device does DMA is known",
			"When a board says neither 'dma' nor 'no-dma' for a device, whether it masters the bus is unknown. Given to a "
					+ "domain without an IOMMU covering it and without direct map, a device that does DMA would write to the "
					+ "wrong memory: check its binding and write 'dma' or 'no-dma' in the board.");
	static final RuleInfo BOTH = new RuleInfo("board.dma-both", Section.SYSTEMS, Severity.ERROR,
			"A device is either a bus master or not",
			"'dma' and 'no-dma' contradict each other: keep the one the device's binding supports.");

	public DmaDeviceBehindIommu() {
		super(INFO, ISOLATION, UNKNOWN, BOTH);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		for (PassedThrough x : Walk.passthroughs(s)) {
			Device dev = x.device();
			Domain d = x.domain();
			if (IommuCoverage.covered(b, dev)) continue;
			if (!dev.isDma()) {
				// neither 'dma' nor 'no-dma': nobody knows; a device that does DMA would write wherever its guest addresses point
				if (!dev.isNoDma() && dev.getKind() != DeviceKind.TIMER && !d.isDirectMap())
					out.report(UNKNOWN, x.passthrough(), PASSTHROUGH__DEVICE, "board '" + b.getName() + "' does not say whether device '"
							+ dev.getName() + "' does DMA; domain '" + d.getName() + "' has no IOMMU for it and no direct map: check the binding of "
							+ (dev.getCompatible().isEmpty() ? "the device" : "'" + dev.getCompatible().get(0) + "'")
							+ " and write 'dma' or 'no-dma' in the board");
				continue;
			}
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

	@Override
	public void check(Board b, Findings out) {
		for (Device d : b.getDevices())
			if (d.isDma() && d.isNoDma())
				out.report(BOTH, d, DEVICE__NO_DMA, "device '" + d.getName() + "' of board '" + b.getName() + "' says both 'dma' and 'no-dma'");
	}
}
