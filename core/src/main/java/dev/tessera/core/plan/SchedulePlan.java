package dev.tessera.core.plan;

import java.util.List;

/**
 * The real-time schedules dom0 puts in place once the domains exist (Xen takes them from its toolstack only):
 * ARINC 653 schedules synthesised by Tessera, and RTDS budgets.
 */
public record SchedulePlan(List<Arinc653> arinc653, List<Rtds> rtds) {
	/**
	 * One ARINC 653 pool's schedule: its slots back to back from the start of the major frame (what they leave at the
	 * end of the frame is idle).
	 *
	 * @param pool        the cpupool's name, or Pool-0 under Xen's own ARINC 653 scheduler
	 * @param partitions  its domains, each with its period and budget
	 * @param utilisation the partitions' budget / period, summed
	 */
	public record Arinc653(String pool, long majorFrameUs, List<Partition> partitions, List<Slot> slots, double utilisation) {
		/** The slots before the idle time that ends the frame: the entries Xen gets. */
		public List<Slot> entries() {
			int n = slots.size();
			while (n > 0 && slots.get(n - 1).idle()) n--;
			return slots.subList(0, n);
		}
	}

	/**
	 * A slot: a domain's (null: idle) for {@code lengthUs}, from {@code startUs}.
	 *
	 * @param target how dom0 names the domain: its name, or its domain id when it has no name in xenstore
	 */
	public record Slot(String domain, String target, long startUs, long lengthUs) {
		public boolean idle() {
			return domain == null;
		}
	}

	/** An ARINC 653 partition: a domain with a budget in every period. */
	public record Partition(String domain, long periodUs, long budgetUs) {
	}

	/** A domain's RTDS budget per period, and whether it may run beyond it when the CPU is idle. */
	public record Rtds(String domain, String target, long periodUs, long budgetUs, boolean extratime) {
	}

	public boolean any() {
		return !arinc653.isEmpty() || !rtds.isEmpty();
	}
}
