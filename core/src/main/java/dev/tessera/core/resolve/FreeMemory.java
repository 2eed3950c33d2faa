package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The parts of RAM nothing has claimed yet, as sorted, disjoint [base, end) ranges. */
final class FreeMemory {
	private final List<long[]> ranges = new ArrayList<>();

	void add(long base, long size) {
		if (size <= 0) return;
		ranges.add(new long[] { base, base + size });
		ranges.sort((a, b) -> Long.compare(a[0], b[0]));
	}

	/** Removes [base, base+size) from whatever ranges it touches. */
	void claim(long base, long size) {
		long end = base + size;
		List<long[]> next = new ArrayList<>();
		for (long[] r : ranges) {
			if (end <= r[0] || base >= r[1]) {
				next.add(r);
				continue;
			}
			if (r[0] < base) next.add(new long[] { r[0], base });
			if (end < r[1]) next.add(new long[] { end, r[1] });
		}
		ranges.clear();
		ranges.addAll(next);
	}

	/** The lowest aligned address at or above {@code from} where {@code size} bytes are free. */
	OptionalLong lowest(long from, long size, long align) {
		for (long[] r : ranges) {
			long base = dev.tessera.core.text.Sizes.alignUp(Math.max(r[0], from), align);
			if (base + size <= r[1]) return OptionalLong.of(base);
		}
		return OptionalLong.empty();
	}

	/** The highest aligned address where {@code size} bytes are free. */
	OptionalLong highest(long size, long align) {
		for (int i = ranges.size() - 1; i >= 0; i--) {
			long[] r = ranges.get(i);
			long base = (r[1] - size) / align * align;
			if (base >= r[0] && r[1] - size >= 0) return OptionalLong.of(base);
		}
		return OptionalLong.empty();
	}

	long largest() {
		return ranges.stream().mapToLong(r -> r[1] - r[0]).max().orElse(0);
	}
}
