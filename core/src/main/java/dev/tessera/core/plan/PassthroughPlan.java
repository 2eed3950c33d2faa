package dev.tessera.core.plan;

import java.util.List;

/**
 * A host device given to a domain, or, for a guest of a hardware-virtualized GPU, the register bank of its OSID.
 * Device registers keep their host addresses in the guest (1:1), which Xen's guest memory layout leaves free for
 * the MMIO of ARM SoCs below 1 GiB.
 *
 * @param nodeName       the node's name in the partial device tree (last element of the host path)
 * @param behindIommu    an IOMMU of the board covers the device; otherwise Xen must be told to assign it without one
 * @param osid           for an OSID register bank: the guest's OSID. The device itself stays with the GPU's host, and
 *                       so does its interrupt, which Xen routes to one domain only.
 * @param clocks         the device's clocks when every one is a fixed clock of the board, each as the label of the
 *                       domain's copy of it ({@link FixedClockPlan}) and its specifier cells; empty otherwise (a
 *                       clock from a controller cannot be given: rule device.clock-unavailable)
 * @param clockNames     the device's clock-names, when it has clocks and a name for each
 * @param stream         for a node Tessera adds to the host tree so that a domain gets one OSID stream of a GPU
 *                       through one IOMMU (the board's {@code osid-streams}): that IOMMU and stream; null otherwise.
 *                       The node has only {@code iommus}: assigning it gives the domain that IOMMU context.
 */
public record PassthroughPlan(String device, String hostPath, String nodeName, List<String> compatible,
		List<MmioRange> regs, List<InterruptPlan> irqs, boolean behindIommu, Integer osid, List<Clock> clocks,
		List<String> clockNames, Stream stream) {

	/** One entry of a device's clocks: the label of a fixed clock in the partial tree and the cells after it. */
	public record Clock(String label, List<Long> cells) {
	}

	/** An IOMMU stream of a GPU: the IOMMU's name and device-tree path, and the stream id (the OSID). */
	public record Stream(String iommu, String iommuPath, int id) {
	}

	/** Only registers are mapped: the device is not assigned, so no dtdev, xen,path or host-side change. */
	public boolean window() {
		return osid != null;
	}
}
