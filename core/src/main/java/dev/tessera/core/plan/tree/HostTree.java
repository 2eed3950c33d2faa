package dev.tessera.core.plan.tree;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What Tessera adds to the board's device tree for Xen: the {@code /chosen} node it builds (Xen's command line,
 * dom0's modules, cpupools, the domains Xen starts at boot), and properties it sets on nodes the board already has
 * (xen,passthrough), and nodes it adds to the board's tree ({@code addedNodes}: each a board node, by path, with
 * the one node Tessera creates in it; the nodes of GPU streams). Described once; printed as DTS source and as U-Boot {@code fdt} commands by two small templates.
 */
public record HostTree(DtNode chosen, List<DtNode> addedNodes, List<DtNode> boardNodes) {
	/** What U-Boot's {@code fdt resize} gives every system, at least: what the script always had. */
	public static final long MIN_FDT_ROOM = 64 * 1024;

	/**
	 * The room U-Boot must add to the board's flattened tree before the script's {@code fdt mknod} and {@code fdt set}
	 * lines (libfdt answers FDT_ERR_NOSPACE past it). {@code fdt resize N} packs the tree to its minimum plus N, read
	 * as hexadecimal (U-Boot's cmd/fdt.c: {@code simple_strtoul(argv[2], NULL, 16)}), so the script writes it in hex: what all this takes in a flattened tree (devicetree spec 0.4,
	 * 5.4: a node is a 4-byte token, its name with a NUL padded to 4 and an end token; a property a 12-byte header
	 * and its value padded to 4, plus its name in the strings block), counted as if every property and name were new,
	 * with a quarter more for what libfdt moves around, in whole 4 KiB, never less than {@link #MIN_FDT_ROOM}.
	 */
	public long fdtRoom() {
		long bytes = bytes(chosen);
		for (DtNode n : addedNodes) bytes += bytes(n);
		for (DtNode n : boardNodes) bytes += bytes(n);
		long room = bytes + bytes / 4;
		return Math.max(MIN_FDT_ROOM, (room + 4095) / 4096 * 4096);
	}

	private static long bytes(DtNode n) {
		if (n == null) return 0;
		long b = 4 + pad(utf8(n.name()) + 1) + 4;
		for (DtProperty p : n.properties()) b += bytes(p);
		if (n.phandle() != 0) b += 12 + 4 + utf8("phandle") + 1;
		for (DtNode c : n.children()) b += bytes(c);
		return b;
	}

	private static long bytes(DtProperty p) {
		long value = 4L * p.cells().size();
		for (String s : p.strings()) value += utf8(s) + 1;
		return 12 + pad(value) + utf8(p.name()) + 1;
	}

	private static long pad(long n) {
		return (n + 3) / 4 * 4;
	}

	private static long utf8(String s) {
		return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
	}
}
