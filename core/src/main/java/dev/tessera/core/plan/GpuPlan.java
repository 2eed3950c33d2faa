package dev.tessera.core.plan;

import java.util.List;

/**
 * How one GPU is shared: the mode the board's GPU supports, the domain that owns or hosts it, and its guests
 * (with their PowerVR OSIDs in hardware mode).
 */
public record GpuPlan(String device, String hostPath, String mode, String host, List<Guest> guests) {
	public record Guest(String domain, Integer osid) {
	}
}
