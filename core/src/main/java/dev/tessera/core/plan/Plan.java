package dev.tessera.core.plan;

import java.util.List;

/**
 * Everything the templates need, decided: nothing in a template computes an address, an id or an order.
 *
 * @param xenOptions     Xen's command line, option by option
 * @param dom0           the control domain started as dom0, or null for a system without one
 * @param bootDomains    domains Xen creates at boot (dom0less), in domain-id order
 * @param xlDomains      domains started later with xl
 * @param loads          every file the boot loader loads, each once, in load order
 * @param hostPassthrough host device-tree paths that dom0 must not see (xen,passthrough)
 * @param scriptAddress  where the boot script itself can be put in memory without overlapping anything
 * @param gpus           how each shared GPU is owned, hosted and used
 * @param startOrder     every domain, backends before the domains they serve
 */
public record Plan(String system, String board, String arch, String xenVersion, List<String> xenOptions,
		String consolePath, BootModule xen, DomainPlan dom0, List<DomainPlan> bootDomains, List<DomainPlan> xlDomains,
		List<DomainPlan> domains, List<BootModule> loads, List<CpupoolPlan> cpupools, List<String> hostPassthrough,
		String addressing, String loadCommand, boolean preloaded, long loadStart, long scriptAddress,
		String boardDeviceTree, List<GpuPlan> gpus, List<String> startOrder, List<EventChannelPlan> eventChannels) {

	public boolean dynamic() {
		return "dynamic".equals(addressing);
	}

	public String xenCmdline() {
		return String.join(" ", xenOptions);
	}

	/**
	 * Domains Xen starts at boot that dom0's xl must find by name: they have their PV interfaces and serve or use PV
	 * devices. init-dom0less names them dom0less-&lt;id&gt;; it cannot set up others (static memory before Xen 4.19),
	 * and renaming those would fail.
	 */
	public List<DomainPlan> bootDomainsXlNames() {
		return bootDomains.stream().filter(d -> d.enhanced() && (!d.frontends().isEmpty()
				|| domains.stream().anyMatch(x -> x.frontends().stream().anyMatch(f -> f.backend().equals(d.name()))))).toList();
	}
}
