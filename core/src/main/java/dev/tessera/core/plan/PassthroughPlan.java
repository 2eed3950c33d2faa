package dev.tessera.core.plan;

import java.util.List;

/**
 * A host device given to a domain. Guest addresses equal host addresses (1:1), which Xen's guest memory
 * layout leaves free for the MMIO of ARM SoCs below 1 GiB.
 *
 * @param nodeName       the node's name in the partial device tree (last element of the host path)
 * @param behindIommu    an IOMMU of the board covers the device; otherwise Xen must be told to assign it without one
 */
public record PassthroughPlan(String device, String hostPath, String nodeName, List<String> compatible,
		List<MemoryRange> regs, List<InterruptPlan> irqs, boolean behindIommu) {
}
