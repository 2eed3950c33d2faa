package dev.tessera.generators.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.IsolationPlan;
import dev.tessera.core.plan.Plan;

/**
 * Where things go in isolation.svg: a matrix of the domains, one cell per pair, holding a letter for each kind of
 * connection (B backend, G GPU, M shared memory, E event channel, I interrupt line, C a shared CPU) and shaded when
 * anything connects them; beside each domain's name what lets it reach every other (control, DMA without an IOMMU).
 * The template only draws what this decides. Drawn for up to {@link #MAX_DOMAINS} domains: beyond, the matrix would
 * be unreadable and isolation.md says it all.
 */
public final class IsolationDrawing {
	public static final int MAX_DOMAINS = 40;
	public static final int CELL = 34, TOP = 150;
	/** About the width of a character of the 12-pixel sans-serif font, for placing the matrix right of the names. */
	static final int CHAR = 7;

	public record Cell(int x, int y, String letters, boolean connected) {
	}

	public record Label(int x, int y, String text, String note) {
	}

	public final List<Cell> cells = new ArrayList<>();
	public final List<Label> rows = new ArrayList<>();
	public final List<Label> columns = new ArrayList<>();
	public final int width, height, cell = CELL, left;
	public final String title, xsm;
	public final List<String> legend = List.of("B backend · G GPU · M shared memory · E event channel · I interrupt line · C shared CPU",
			"blank: nothing this system declares connects the two");

	public IsolationDrawing(Plan plan) {
		IsolationPlan iso = plan.isolation();
		List<String> names = plan.domains().stream().map(DomainPlan::name).toList();
		Map<String, Integer> at = new HashMap<>();
		for (int i = 0; i < names.size(); i++) at.put(names.get(i), i);
		Map<String, Set<Character>> letters = new HashMap<>();
		for (IsolationPlan.Link l : iso.links())
			for (IsolationPlan.Connection c : l.connections())
				letters.computeIfAbsent(l.a() + "\n" + l.b(), k -> new LinkedHashSet<>()).add(letter(c.kind()));
		for (IsolationPlan.CpuShare c : iso.cpus())
			for (int i = 0; i < c.domains().size(); i++)
				for (int j = i + 1; j < c.domains().size(); j++) {
					String a = c.domains().get(i), b = c.domains().get(j);
					String key = at.get(a) < at.get(b) ? a + "\n" + b : b + "\n" + a;
					letters.computeIfAbsent(key, k -> new LinkedHashSet<>()).add('C');
				}
		Map<String, Set<IsolationPlan.PrivilegeKind>> kinds = new HashMap<>();
		for (IsolationPlan.Privilege p : iso.privileges())
			kinds.computeIfAbsent(p.domain(), k -> new java.util.TreeSet<>()).add(p.kind());
		List<String> notes = new ArrayList<>();
		int longest = 0;
		for (String n : names) {
			String note = String.join(", ", kinds.getOrDefault(n, Set.of()).stream().map(k -> switch (k) {
				case CONTROL -> "controls all";
				case DMA_WITHOUT_IOMMU -> "DMA without IOMMU";
				case DMA_UNKNOWN -> "DMA unknown";
			}).toList());
			notes.add(note);
			longest = Math.max(longest, n.length() + (note.isEmpty() ? 0 : note.length() + 3));
		}
		left = 30 + longest * CHAR;
		for (int i = 0; i < names.size(); i++) {
			String n = names.get(i);
			rows.add(new Label(20, TOP + i * CELL + CELL / 2 + 4, n, notes.get(i)));
			columns.add(new Label(left + i * CELL + CELL / 2, TOP - 10, n, ""));
			for (int j = i + 1; j < names.size(); j++) {
				Set<Character> ls = letters.getOrDefault(n + "\n" + names.get(j), Set.of());
				StringBuilder s = new StringBuilder();
				ls.forEach(s::append);
				cells.add(new Cell(left + j * CELL, TOP + i * CELL, s.toString(), !ls.isEmpty()));
			}
		}
		width = Math.max(left + names.size() * CELL + 40, 640);
		height = TOP + names.size() * CELL + 80;
		title = "Isolation of system " + plan.product();
		xsm = "Xen's security module: " + iso.xsm().option();
	}

	public boolean drawn(Plan plan) {
		return plan.domains().size() <= MAX_DOMAINS;
	}

	private static char letter(IsolationPlan.LinkKind k) {
		return switch (k) {
			case BACKEND -> 'B';
			case GPU -> 'G';
			case SHARED_MEMORY -> 'M';
			case EVENT_CHANNEL -> 'E';
			case SHARED_INTERRUPT -> 'I';
		};
	}
}
