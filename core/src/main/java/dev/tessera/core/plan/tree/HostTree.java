package dev.tessera.core.plan.tree;

import java.util.List;

/**
 * What Tessera adds to the board's device tree for Xen: the {@code /chosen} node it builds (Xen's command line,
 * dom0's modules, cpupools, the domains Xen starts at boot), and properties it sets on nodes the board already has
 * (xen,passthrough), and nodes it adds to the board's tree ({@code addedNodes}: each a board node, by path, with
 * the one node Tessera creates in it; the nodes of GPU streams). Described once; printed as DTS source and as U-Boot {@code fdt} commands by two small templates.
 */
public record HostTree(DtNode chosen, List<DtNode> addedNodes, List<DtNode> boardNodes) {
}
