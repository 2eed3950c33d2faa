package dev.tessera.core.board;

import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.IommuKind;

/** Which devices of a board an IOMMU that Xen drives protects: what rules and the resolver both ask. */
public final class IommuCoverage {
	private IommuCoverage() {
	}

	/**
	 * Xen drives Arm SMMUs and Renesas IPMMUs only; an IOMMU of another kind, or one the device tree disables,
	 * protects nothing under Xen.
	 */
	public static boolean covered(Board b, Device dev) {
		return b.getIommus().stream().anyMatch(i -> !i.isDisabled() && i.getKind() != IommuKind.OTHER && i.getCovers().contains(dev));
	}
}
