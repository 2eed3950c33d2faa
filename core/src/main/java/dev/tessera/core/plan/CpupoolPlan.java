package dev.tessera.core.plan;

import java.util.List;

/**
 * A boot-time cpupool. {@code cpuPaths} are the device-tree paths of its CPUs (Xen refers to them by
 * phandle); {@code phandle} is the one Tessera gives the pool node when it builds it with U-Boot commands.
 */
public record CpupoolPlan(String name, String nodeName, List<Integer> cpus, List<String> cpuPaths, String scheduler,
		long phandle) {
}
