package dev.tessera.core.plan;

import java.util.List;

/**
 * @param hostPassthrough host device-tree paths that dom0 must not see (xen,passthrough): devices other domains take
 * @param gpus            how each shared GPU is owned, hosted and used
 */
public record DevicePlan(List<String> hostPassthrough, List<GpuPlan> gpus) {
}
