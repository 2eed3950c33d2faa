package dev.tessera.core.plan;

import java.util.List;

import dev.tessera.core.xen.Systems;
import dev.tessera.model.OsKind;
import dev.tessera.model.Role;
import dev.tessera.model.Start;

/** One domain, resolved: who it is and how it starts, then its memory, CPUs, boot modules, devices and PV devices. */
public record DomainPlan(String name, int id, Role role, Start start, OsKind os, Memory memory, Cpus cpus, Boot boot,
		Devices devices, Pv pv, Limits limits, XlActions xl) {

	/**
	 * What Xen sets aside for it; each null for Xen's default.
	 *
	 * @param grantFrames    grant-table frames it may use (max_grant_frames)
	 * @param maptrackFrames maptrack frames, for mapping others' grants (max_maptrack_frames)
	 * @param spis           SPIs of its virtual GIC (nr_spis)
	 * @param p2mPoolMib     its stage-2 page-table pool in MiB
	 */
	public record Limits(Integer grantFrames, Integer maptrackFrames, Integer spis, Long p2mPoolMib) {
		public static final Limits DEFAULTS = new Limits(null, null, null, null);
	}

	/**
	 * What only xl applies (domains started with xl); each null for xl's default.
	 *
	 * @param onCrash  what xl does when it crashes, as xl.cfg spells the action
	 * @param onReboot what xl does when it reboots
	 * @param tee      the TEE Xen mediates for it, as xl.cfg spells it (optee, ffa)
	 * @param seclabel its XSM security label
	 */
	public record XlActions(String onCrash, String onReboot, String tee, String seclabel) {
		public static final XlActions DEFAULTS = new XlActions(null, null, null, null);
	}

	/**
	 * @param staticRanges where its memory is, when static (xen,static-mem)
	 * @param shared       its views of static shared-memory regions
	 * @param llcColors    its last-level cache colours as Xen reads a colour list ("8-15,20"), or null: all of them
	 */
	public record Memory(long bytes, List<MemoryRange> staticRanges, boolean directMap, List<SharedMemoryPlan> shared, String llcColors) {
		public long kib() {
			return bytes / 1024;
		}

		public long mib() {
			return bytes / (1024 * 1024);
		}
	}

	/** @param pool its boot-time cpupool, or null for Pool-0 */
	public record Cpus(int vcpus, List<Integer> pin, CpupoolPlan pool) {
		/** "0-3,6", as Xen and xl write CPU lists. */
		public String pinList() {
			return Systems.cpuList(pin);
		}
	}

	/**
	 * The modules Xen builds the domain from (or xl reads, for xl domains); any may be null.
	 *
	 * @param generatedDeviceTree the device tree is the partial one Tessera generates from the passed-through devices
	 */
	public record Boot(BootModule kernel, BootModule ramdisk, BootModule deviceTree, boolean generatedDeviceTree, String cmdline) {
	}

	/**
	 * @param passthrough the host devices it is given, the register banks of its GPU OSIDs, and the nodes of the GPU
	 *                    streams it gets through IOMMUs
	 * @param clocks      the fixed clocks those devices use, each once, for its partial device tree
	 */
	public record Devices(List<PassthroughPlan> passthrough, List<FixedClockPlan> clocks, boolean vuart) {
		/** Devices it is assigned (not mere OSID register banks). */
		public List<PassthroughPlan> assigned() {
			return passthrough.stream().filter(p -> !p.window()).toList();
		}

		/** Devices it is assigned, without the nodes of GPU streams. */
		public List<PassthroughPlan> owned() {
			return assigned().stream().filter(p -> p.stream() == null).toList();
		}

		/** The nodes of the GPU streams it is given (one per IOMMU that carries them). */
		public List<PassthroughPlan> streams() {
			return passthrough.stream().filter(p -> p.stream() != null).toList();
		}

		/** The device's DMA goes through an IOMMU in this domain: its node's, or a stream node of its own. */
		public boolean dmaBehindIommu(PassthroughPlan p) {
			return p.behindIommu() || streams().stream().anyMatch(x -> x.device().equals(p.device()));
		}

		/** Interrupts of every passed-through device, as xl numbers them. */
		public List<Integer> xlIrqs() {
			return passthrough.stream().flatMap(p -> p.irqs().stream()).map(InterruptPlan::xlNumber).toList();
		}
	}

	/** @param enhanced which of Xen's PV interfaces a domain Xen starts at boot gets (xen,enhanced) */
	public record Pv(Enhanced enhanced, List<FrontendPlan> frontends) {
		public List<FrontendPlan> frontends(FrontendPlan.Kind kind) {
			return frontends.stream().filter(f -> f.kind() == kind).toList();
		}

		/** It has Xen's PV interfaces, with or without xenstore. */
		public boolean hasPvInterfaces() {
			return enhanced != Enhanced.NONE;
		}

		/** dom0's init-dom0less gives it xenstore. */
		public boolean xenstore() {
			return enhanced == Enhanced.ENABLED;
		}
	}

	/** xen,enhanced: none (a plain VM), grant tables, event channels and xenstore, or no xenstore. */
	public enum Enhanced {
		NONE(null), ENABLED("enabled"), NO_XENSTORE("no-xenstore");

		private final String label;

		Enhanced(String label) {
			this.label = label;
		}

		/** The value of xen,enhanced. */
		public String label() {
			return label;
		}
	}

	public boolean driverDomain() {
		return role == Role.DRIVER;
	}
}
