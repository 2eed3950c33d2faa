package dev.tessera.core.plan;

import java.util.List;

/**
 * A fixed clock of the board copied into a domain's partial device tree, so that the driver of a device it is given
 * finds the clock its binding needs (a PL061's or PL011's apb_pclk). A fixed clock is a constant rate that no
 * controller switches: the guest's copy describes the same clock as the host's node, with the host's rate. It sits
 * under /passthrough, the node Xen and xl copy into the guest's tree with every property, its phandle included.
 *
 * @param label       the DTS label the devices' clocks refer to
 * @param nodeName    the node's name under /passthrough (the host node's name, unless another node there has it)
 * @param hostPath    the clock's node in the board's device tree
 * @param hz          its rate (clock-frequency)
 * @param cells       its #clock-cells
 * @param outputNames its clock-output-names (none when the board's tree has none)
 */
public record FixedClockPlan(String label, String nodeName, String hostPath, long hz, int cells, List<String> outputNames) {
	/** clock-frequency as cells: one, or two when the rate does not fit 32 bits. */
	public List<Long> hzCells() {
		return hz >>> 32 == 0 ? List.of(hz) : List.of(hz >>> 32, hz & 0xffffffffL);
	}
}
