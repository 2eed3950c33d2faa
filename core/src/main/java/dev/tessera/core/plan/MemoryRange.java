package dev.tessera.core.plan;

/** A physical address range. */
public record MemoryRange(long base, long size) {
	public long end() {
		return base + size;
	}

	public long sizeKib() {
		return size / 1024;
	}
}
