package dev.tessera.core.rules.gpu;

import static dev.tessera.model.TesseraPackage.Literals.GPU_GUEST__DOMAIN;

import dev.tessera.core.board.IommuCoverage;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.GpuGuest;
import dev.tessera.model.GpuShare;
import dev.tessera.model.GpuSharing;
import dev.tessera.model.System;

/**
 * A guest of a hardware-virtualized GPU gives the GPU addresses of its own memory: the GPU reads and writes them for
 * the guest's OSID. Unless an IOMMU translates that OSID's accesses in the guest's own context, those are machine
 * addresses, which only a direct-mapped guest's are.
 */
public final class GpuGuestHasIommuContext extends Rule {
	static final RuleInfo INFO = new RuleInfo("gpu.guest-iommu", Section.GPUS, Severity.ERROR,
			"A GPU guest's DMA goes through its own IOMMU context, or the guest is direct-mapped",
			"A guest of a hardware-virtualized GPU programs the GPU with addresses of its own memory, and the GPU does DMA "
					+ "with them in the guest's OSID. Xen gives the guest its OSID's IOMMU stream when the board says which "
					+ "IOMMUs carry the GPU's streams ('osid-streams' on the IOMMU: stream n for OSID n, as R-Car's IPMMU "
					+ "PV instances use micro-TLB n); without one the GPU sees machine addresses, which are the guest's "
					+ "only when it is direct-mapped, and it can reach any memory. A GPU the board marks 'no-dma' is exempt.");

	public GpuGuestHasIommuContext() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		for (GpuShare g : s.getGpus()) {
			Device gpu = g.getDevice();
			if (g.getMode() != GpuSharing.HARDWARE || gpu == null || gpu.eIsProxy() || gpu.isNoDma()) continue;
			if (!IommuCoverage.osidStreams(b, gpu).isEmpty()) continue;
			for (GpuGuest x : g.getGuests()) {
				Domain d = x.getDomain();
				if (d == null || d.eIsProxy() || d.isDirectMap()) continue;
				out.report(INFO, x, GPU_GUEST__DOMAIN, "guest '" + d.getName() + "' of GPU '" + gpu.getName() + "' would have the GPU do DMA "
						+ "with its guest addresses, but no IOMMU of board '" + b.getName() + "' carries the GPU's OSID streams: "
						+ "add 'osid-streams " + gpu.getName() + "' to the IOMMU that translates them (from the SoC's documentation), "
						+ "or make '" + d.getName() + "' direct-mapped (static memory, 'direct-map')");
			}
		}
	}
}
