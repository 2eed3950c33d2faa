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
 */
public record PassthroughPlan(String device, String hostPath, String nodeName, List<String> compatible,
		List<MmioRange> regs, List<InterruptPlan> irqs, boolean behindIommu, Integer osid) {

	/** Only registers are mapped: the device is not assigned, so no dtdev, xen,path or host-side change. */
	public boolean window() {
		return osid != null;
	}
}
