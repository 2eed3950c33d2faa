package dev.tessera.core.plan;

import java.util.List;

/**
 * @param startOrder  every domain, backends before the domains they serve
 * @param xlNamedBoot domains Xen starts at boot that dom0's xl must find by name: they have their PV interfaces and
 *                    serve or use PV devices. init-dom0less names them dom0less-&lt;id&gt;; it cannot set up others
 *                    (static memory before Xen 4.19), and renaming those would fail.
 */
public record BackendPlan(List<String> startOrder, List<DomainPlan> xlNamedBoot, List<Server> servers) {
	/**
	 * A domain other than dom0 that serves PV devices: what it serves, the kernel backend drivers that takes, and the
	 * bridges its served network interfaces join.
	 */
	public record Server(String domain, List<Served> serves, List<KernelBackend> kernelDrivers, List<String> bridges) {
		/** It serves something a user-space program of its image must serve (a display, sound, input). */
		public boolean userSpaceBackends() {
			return serves.stream().anyMatch(x -> x.kind() != FrontendPlan.Kind.DISK && x.kind() != FrontendPlan.Kind.VIF);
		}
	}

	/** A Linux backend driver: its module, and its name on the xen-backend bus once loaded. */
	public record KernelBackend(String module, String busName) {
	}

	/** One device a server serves: its kind and the domain that uses it. */
	public record Served(FrontendPlan.Kind kind, String frontend) {
	}

	public Server server(String domain) {
		return servers.stream().filter(x -> x.domain().equals(domain)).findFirst().orElse(null);
	}
}
