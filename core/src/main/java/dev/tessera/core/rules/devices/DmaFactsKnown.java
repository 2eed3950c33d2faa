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
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.System;

/**
 * A board says for each device whether it masters the bus ('dma'), is known not to ('no-dma'), or neither: then nobody
 * knows, and a device that does DMA given to a domain whose memory is not direct-mapped, without an IOMMU, writes
 * wherever its guest addresses point in host memory. Such a passthrough is not refused (most devices do no DMA) but
 * said, so that someone checks the binding.
 */
public final class DmaFactsKnown extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.dma-unknown", Section.DEVICES, Severity.WARNING,
			"Whether a passed-through device does DMA is known",
			"When a board says neither 'dma' nor 'no-dma' for a device, whether it masters the bus is unknown. Given to a "
					+ "domain without an IOMMU covering it and without direct map, a device that does DMA would write to the "
					+ "wrong memory: check its binding and write 'dma' or 'no-dma' in the board.");
	static final RuleInfo BOTH = new RuleInfo("board.dma-both", Section.SYSTEMS, Severity.ERROR,
			"A device is either a bus master or not",
			"'dma' and 'no-dma' contradict each other: keep the one the device's binding supports.");

	public DmaFactsKnown() {
		super(INFO, BOTH);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		for (PassedThrough x : Walk.passthroughs(s)) {
			Device dev = x.device();
			if (dev.isDma() || dev.isNoDma() || dev.getKind() == DeviceKind.TIMER || x.domain().isDirectMap() || IommuCoverage.covered(b, dev))
				continue;
			out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "board '" + b.getName() + "' does not say whether device '" + dev.getName()
					+ "' does DMA; domain '" + x.domain().getName() + "' has no IOMMU for it and no direct map: check the binding of "
					+ (dev.getCompatible().isEmpty() ? "the device" : "'" + dev.getCompatible().get(0) + "'")
					+ " and write 'dma' or 'no-dma' in the board");
		}
	}

	@Override
	public void check(Board b, Findings out) {
		for (Device d : b.getDevices())
			if (d.isDma() && d.isNoDma())
				out.report(BOTH, d, DEVICE__NO_DMA, "device '" + d.getName() + "' of board '" + b.getName() + "' says both 'dma' and 'no-dma'");
	}
}
