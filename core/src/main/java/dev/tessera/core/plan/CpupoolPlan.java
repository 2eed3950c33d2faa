package dev.tessera.core.plan;

import java.util.List;

import dev.tessera.model.Scheduler;

/**
 * A boot-time cpupool: its CPUs by logical number and by device-tree path (Xen refers to them by phandle), and its
 * scheduler (null: Xen's default).
 */
public record CpupoolPlan(String name, List<Integer> cpus, List<String> cpuPaths, Scheduler scheduler) {
}
