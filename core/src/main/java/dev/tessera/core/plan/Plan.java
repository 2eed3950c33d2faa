package dev.tessera.core.plan;

import java.util.List;

import dev.tessera.core.plan.tree.HostTree;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Arch;
import dev.tessera.model.Start;

/**
 * Everything the outputs say, decided and typed, grouped by concern: nothing in a template computes an address,
 * an id, an order or a name. Templates only spell it in their output's vocabulary.
 *
 * @param xen           Xen's image and command line
 * @param boot          how the boot loader loads the files: addressing and every module, each once, in load order
 * @param domains       every domain in domain-id order: dom0, then the domains Xen starts at boot, then xl's
 * @param cpupools      the boot-time cpupools
 * @param devices       what leaves dom0's sight, and how each shared GPU is owned, hosted and used
 * @param backends      who starts before whom, and which boot domains xl must find by name
 * @param eventChannels static event channels between domains Xen starts at boot
 * @param schedules     the ARINC 653 schedules and RTDS budgets dom0 puts in place
 * @param hostTree      what Tessera adds to the board's device tree for Xen: /chosen for loaders that place the modules
 * @param uefiHostTree  the same for Xen's EFI loader, which reads the modules by file name
 * @param isolation     what separates the domains and what connects them
 * @param variant       the product-line variant of the system this plan is for, or null for the system as written
 */
public record Plan(String system, String board, Arch arch, XenVersion xenVersion, XenPlan xen, BootPlan boot,
		List<DomainPlan> domains, List<CpupoolPlan> cpupools, DevicePlan devices, BackendPlan backends,
		List<EventChannelPlan> eventChannels, SchedulePlan schedules, HostTree hostTree, HostTree uefiHostTree,
		IsolationPlan isolation, String variant) {

	/** The same plan, said to be of that variant of its system (what the outputs name in their headers and manifest). */
	public Plan ofVariant(String name) {
		return new Plan(system, board, arch, xenVersion, xen, boot, domains, cpupools, devices, backends, eventChannels, schedules, hostTree,
				uefiHostTree, isolation, name);
	}

	/** "cockpit", or "cockpit, variant premium": how the outputs name what they were generated from. */
	public String product() {
		return variant == null ? system : system + ", variant " + variant;
	}

	/** The control domain Xen starts as dom0, or null for a system without one. */
	public DomainPlan dom0() {
		return domains.stream().filter(d -> d.start() == Start.DOM0).findFirst().orElse(null);
	}

	/** Domains Xen creates at boot (dom0less), in domain-id order. */
	public List<DomainPlan> bootDomains() {
		return domains.stream().filter(d -> d.start() == Start.BOOT).toList();
	}

	/** Domains dom0 starts later with xl. */
	public List<DomainPlan> xlDomains() {
		return domains.stream().filter(d -> d.start() == Start.XL).toList();
	}

	/**
	 * The boot-time cpupools that xl domains name, in declaration order: xl finds a pool by its name in xenstore, so
	 * dom0's start script gives each its name before it creates the domains.
	 */
	public List<CpupoolPlan> xlNamedPools() {
		return cpupools.stream().filter(p -> xlDomains().stream().anyMatch(d -> d.cpus().pool() != null
				&& d.cpus().pool().name().equals(p.name()))).toList();
	}

	public DomainPlan domain(String name) {
		return domains.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
	}

	public boolean arm32() {
		return arch == Arch.ARM32;
	}
}
