package dev.tessera.core.plan.tree;

import java.util.List;

/**
 * A device-tree node Tessera writes, or (kind BOARD) a node of the board's tree Tessera adds properties to, named
 * by its path.
 *
 * @param phandle the phandle Tessera gives the node when U-Boot builds it and others refer to it; 0 for none (a
 *                DTS source refers by path and dtc numbers the node)
 */
public record DtNode(String name, Kind kind, long phandle, List<DtProperty> properties, List<DtNode> children) {
	public enum Kind {
		CHOSEN, MODULE, EVENT_CHANNEL, CPUPOOL, DOMAIN, VCPU, SHARED_MEMORY, BOARD, STREAM;
	}

	/** A cpupool or a domain: a section of /chosen of its own. */
	public boolean section() {
		return kind == Kind.CPUPOOL || kind == Kind.DOMAIN;
	}

	/**
	 * Xen numbers the domains it starts at boot in tree order; U-Boot's {@code fdt mknod} puts a node before its
	 * siblings, so a script creates these last to first.
	 */
	public boolean treeOrdered() {
		return kind == Kind.DOMAIN;
	}
}
