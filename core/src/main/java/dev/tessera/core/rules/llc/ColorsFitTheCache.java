package dev.tessera.core.rules.llc;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__LLC_COLORS;
import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__LLC_COLORS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.board.LlcColors;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.ColorRange;
import dev.tessera.model.Domain;
import dev.tessera.model.RamBank;
import dev.tessera.model.System;

/**
 * LLC colours exist on the board, hold the domain's memory, and leave real-time domains a cache of their own; Xen
 * cannot colour static or direct-mapped memory.
 */
public final class ColorsFitTheCache extends Rule {
	static final RuleInfo COLORS = new RuleInfo("llc.colors", Section.CACHE, Severity.ERROR,
			"Cache colours exist and hold the memory given them",
			"A board's last-level cache has (way size / 4 KiB) colours, a power of two, numbered from 0; the board must declare "
					+ "its cache ('llc size 2M ways 16'). Xen gives a coloured domain pages of its colours only: each colour is "
					+ "1/colours of RAM, so a domain's colours must hold its memory, or Xen stops at boot (\"Failed to allocate "
					+ "requested domain memory\"). Xen colours neither static memory nor a direct map (\"LLC coloring and static "
					+ "memory are incompatible\"). Xen's and every domain's colours lie on the board's cache, each named once, "
					+ "in increasing order.");
	static final RuleInfo EXCLUSIVE = new RuleInfo("llc.exclusive", Section.CACHE, Severity.ERROR,
			"A real-time domain's colours are its own",
			"Colouring exists to keep another domain from evicting a real-time domain's cache lines: a colour it shares with "
					+ "Xen, dom0 or any other domain gives that back (a domain without colours uses them all, Xen without colours "
					+ "colour 0). An error, not a warning: a shared colour makes the real-time domain's timing depend on what the "
					+ "other domains do, which is what colouring was asked for to prevent.");

	public ColorsFitTheCache() {
		super(COLORS, EXCLUSIVE);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		boolean any = s.getDomains().stream().anyMatch(d -> !d.getLlcColors().isEmpty())
				|| s.getXen() != null && !s.getXen().getLlcColors().isEmpty();
		if (!any || b == null) return;
		OptionalInt n = LlcColors.count(b);
		if (n.isEmpty()) {
			EObject at = s.getXen() != null && !s.getXen().getLlcColors().isEmpty() ? s.getXen()
					: s.getDomains().stream().filter(d -> !d.getLlcColors().isEmpty()).findFirst().get();
			out.report(COLORS, at, at instanceof Domain ? DOMAIN__LLC_COLORS : XEN_SETTINGS__LLC_COLORS, "cache colours need the board's "
					+ "last-level cache, and board '" + b.getName() + "' declares none: add 'llc size <size> ways <n>' to it, from its cache node");
			return;
		}
		int colours = n.getAsInt();
		if (colours < 2 || Integer.bitCount(colours) != 1) {
			out.report(COLORS, b.getLlc(), null, "the last-level cache of board '" + b.getName() + "' has " + colours
					+ " colours (way size / 4 KiB); Xen needs a power of two, at least 2");
			return;
		}
		long ram = b.getRam().stream().mapToLong(RamBank::getSize).sum();
		if (s.getXen() != null) inRange(out, s.getXen(), XEN_SETTINGS__LLC_COLORS, "Xen", s.getXen().getLlcColors(), colours);
		for (Domain d : s.getDomains()) {
			if (d.getLlcColors().isEmpty()) continue;
			if (!inRange(out, d, DOMAIN__LLC_COLORS, "domain '" + d.getName() + "'", d.getLlcColors(), colours)) continue;
			if (d.isStaticAllocation() || d.isDirectMap())
				out.report(COLORS, d, DOMAIN__LLC_COLORS, "domain '" + d.getName() + "' has " + (d.isDirectMap() ? "direct-mapped" : "static")
						+ " memory, which Xen cannot colour: drop its colours or its static memory");
			long holds = ram / colours * new HashSet<>(LlcColors.expand(d.getLlcColors())).size();
			if (d.getMemory() > holds)
				out.report(COLORS, d, DOMAIN__LLC_COLORS, "domain '" + d.getName() + "' has " + Sizes.human(d.getMemory()) + " of memory, but its "
						+ new HashSet<>(LlcColors.expand(d.getLlcColors())).size() + " of " + colours + " colours hold only " + Sizes.human(holds)
						+ " of the board's " + Sizes.human(ram) + ": give it more colours or less memory");
		}
		// a real-time domain's colours are shared with nobody (Xen, dom0 and other domains)
		for (Domain rt : s.getDomains()) {
			if (!Systems.isRealTime(rt)) continue;
			Set<Integer> mine = new HashSet<>(LlcColors.expand(rt.getLlcColors()));
			if (mine.isEmpty()) continue;
			List<String> with = new ArrayList<>();
			if (s.getXen() != null && overlaps(mine, s.getXen().getLlcColors(), true)) with.add("Xen");
			for (Domain other : s.getDomains())
				if (other != rt && overlaps(mine, other.getLlcColors(), false)) with.add("domain '" + other.getName() + "'");
			// a domain without colours uses all of them
			for (Domain other : s.getDomains())
				if (other != rt && other.getLlcColors().isEmpty() && !with.contains("domain '" + other.getName() + "'"))
					with.add("domain '" + other.getName() + "' (no colours: all of them)");
			if (!with.isEmpty())
				out.report(EXCLUSIVE, rt, DOMAIN__LLC_COLORS, "real-time domain '" + rt.getName() + "' shares cache colours with "
						+ String.join(", ", with) + ": give every domain colours, and the real-time ones colours of their own");
		}
	}

	/** Xen without colours uses colour 0 only (xen-llc-colors' default). */
	private static boolean overlaps(Set<Integer> mine, List<ColorRange> theirs, boolean xen) {
		List<Integer> t = theirs.isEmpty() && xen ? List.of(0) : LlcColors.expand(theirs);
		return t.stream().anyMatch(mine::contains);
	}

	private static boolean inRange(Findings out, EObject at, EStructuralFeature f, String who, List<ColorRange> ranges, int colours) {
		List<Integer> all = LlcColors.expand(ranges);
		for (int c : all)
			if (c < 0 || c >= colours) {
				out.report(COLORS, at, f, who + " asks for colour " + c + ", but the board's cache has colours 0 to " + (colours - 1));
				return false;
			}
		if (new HashSet<>(all).size() != all.size()) {
			out.report(COLORS, at, f, who + " names a colour twice: Xen wants each once, in increasing order");
			return false;
		}
		for (int i = 1; i < all.size(); i++)
			if (all.get(i) <= all.get(i - 1)) {
				out.report(COLORS, at, f, "the colours of " + who + " are not in increasing order, as Xen wants them");
				return false;
			}
		return true;
	}
}
