package dev.tessera.core.plan;

/**
 * One domain's view of a static shared-memory region (Xen 4.17 xen,domain-shared-memory-v1): the region's id,
 * whether the domain owns or borrows it, where it lies in host memory and where the domain sees it.
 */
public record SharedMemoryPlan(String id, Role role, long hostAddress, long guestAddress, long size) {
	public enum Role {
		OWNER("owner"), BORROWER("borrower");

		private final String label;

		Role(String label) {
			this.label = label;
		}

		/** As Xen's device-tree binding spells it. */
		public String label() {
			return label;
		}
	}

	public boolean owner() {
		return role == Role.OWNER;
	}
}
