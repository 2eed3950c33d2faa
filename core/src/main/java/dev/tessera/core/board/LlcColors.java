package dev.tessera.core.board;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.ColorRange;
import dev.tessera.model.LastLevelCache;

/**
 * LLC cache colours (Xen 4.20, docs/misc/cache-coloring.rst): a colour is a set of pages that map to the same slice
 * of one cache way, so there are (way size / page size) of them, and Xen gives each domain only pages of its colours.
 */
public final class LlcColors {
	private LlcColors() {
	}

	/** How many colours a board's last-level cache has, or empty when the board declares none. */
	public static OptionalInt count(Board b) {
		LastLevelCache llc = b == null ? null : b.getLlc();
		if (llc == null || llc.getWays() <= 0 || llc.getSize() <= 0) return OptionalInt.empty();
		return OptionalInt.of((int) (llc.getSize() / llc.getWays() / Sizes.PAGE));
	}

	/** The colours of a list of ranges, in order, duplicates kept (rules report them). */
	public static List<Integer> expand(List<ColorRange> ranges) {
		List<Integer> out = new ArrayList<>();
		for (ColorRange r : ranges) {
			int last = r.isSetLast() ? r.getLast() : r.getFirst();
			for (int i = r.getFirst(); i <= last && out.size() < 4096; i++) out.add(i);
		}
		return out;
	}

	/** As Xen and xl read colour lists: "0-3,8". */
	public static String list(List<ColorRange> ranges) {
		StringBuilder sb = new StringBuilder();
		for (ColorRange r : ranges) {
			if (sb.length() > 0) sb.append(',');
			sb.append(r.getFirst());
			if (r.isSetLast() && r.getLast() != r.getFirst()) sb.append('-').append(r.getLast());
		}
		return sb.toString();
	}
}
