package dev.tessera.core.plan;

import java.util.List;

import dev.tessera.model.GpuSharing;

/**
 * How one GPU is shared: the mode the board's GPU supports, the domain that owns or hosts it, the GPU's
 * interrupts (routed to the host alone), and its guests (with their PowerVR OSIDs and register banks in hardware
 * mode).
 */
public record GpuPlan(String device, String hostPath, GpuSharing mode, String host, List<InterruptPlan> irqs, List<Guest> guests) {
	/** @param window the OSID's register bank and where the guest sees it; null outside hardware mode */
	public record Guest(String domain, Integer osid, MmioRange window) {
	}
}
