package dev.tessera.core.plan;

/**
 * Device registers given to a domain: host physical {@code base} and {@code size}, and the guest address they are
 * mapped at. A passed-through device keeps its host addresses; a GPU's per-OSID register bank appears where the
 * GPU's registers start, so the guest's driver finds it where it expects the GPU.
 */
public record MmioRange(long base, long size, long guest) {
	public long end() {
		return base + size;
	}
}
