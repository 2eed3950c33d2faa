package dev.tessera.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A whole flattened device tree: its root, its /memreserve/ entries and its phandles. */
public final class DtTree {
	/** A /memreserve/ entry of the tree's header. */
	public record MemReserve(long address, long size) {
	}

	private final String file;
	private final DtNode root;
	private final List<MemReserve> memreserves;
	private final Map<Long, DtNode> byPhandle = new HashMap<>();
	private final Map<String, DtNode> byPath = new HashMap<>();

	public DtTree(String file, DtNode root, List<MemReserve> memreserves) {
		this.file = file;
		this.root = root;
		this.memreserves = List.copyOf(memreserves);
		visit(n -> {
			byPath.put(n.path(), n);
			for (String p : List.of("phandle", "linux,phandle")) {
				long ph = n.cell(p, -1);
				if (ph > 0) byPhandle.putIfAbsent(ph, n);
			}
		});
	}

	/** The file the tree was read from (the source the user named). */
	public String file() {
		return file;
	}

	public DtNode root() {
		return root;
	}

	public List<MemReserve> memreserves() {
		return memreserves;
	}

	public DtNode byPhandle(long phandle) {
		return byPhandle.get(phandle);
	}

	public DtNode byPath(String path) {
		return byPath.get(path);
	}

	/** Every node, depth first in source order. */
	public void visit(Consumer<DtNode> action) {
		visit(root, action);
	}

	private static void visit(DtNode n, Consumer<DtNode> action) {
		action.accept(n);
		for (DtNode c : n.children()) visit(c, action);
	}

	public List<DtNode> all() {
		List<DtNode> out = new ArrayList<>();
		visit(out::add);
		return out;
	}
}
