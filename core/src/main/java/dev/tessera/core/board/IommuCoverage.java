package dev.tessera.core.board;

import java.util.List;

import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Iommu;
import dev.tessera.model.IommuKind;

/** Which devices of a board an IOMMU that Xen drives protects: what rules and the resolver both ask. */
public final class IommuCoverage {
	private IommuCoverage() {
	}

	/**
	 * The device's DMA goes through an IOMMU Xen drives: one that {@code covers} it, or one that carries its OSIDs'
	 * streams ({@code osid-streams}, a hardware-virtualized GPU). Xen drives Arm SMMUs and Renesas IPMMUs only; an
	 * IOMMU of another kind, or one the device tree disables, protects nothing under Xen.
	 */
	public static boolean covered(Board b, Device dev) {
		return coversNode(b, dev) || !osidStreams(b, dev).isEmpty();
	}

	/**
	 * An active IOMMU covers the device's own node (its {@code iommus}): Xen assigns the node with its IOMMU
	 * context. A GPU covered only through {@code osid-streams} is assigned without one; its DMA is protected
	 * through the nodes of its streams instead.
	 */
	public static boolean coversNode(Board b, Device dev) {
		return b.getIommus().stream().anyMatch(i -> active(i) && i.getCovers().contains(dev));
	}

	/** The active IOMMUs through which the GPU's DMA goes with one stream per OSID (stream n for OSID n). */
	public static List<Iommu> osidStreams(Board b, Device gpu) {
		return b.getIommus().stream().filter(i -> active(i) && i.getOsidStreams().contains(gpu)).toList();
	}

	private static boolean active(Iommu i) {
		return !i.isDisabled() && i.getKind() != IommuKind.OTHER;
	}
}
