package dev.tessera.core.plan;

import java.util.List;

/**
 * @param startOrder  every domain, backends before the domains they serve
 * @param xlNamedBoot domains Xen starts at boot that dom0's xl must find by name: they have their PV interfaces and
 *                    serve or use PV devices. init-dom0less names them dom0less-&lt;id&gt;; it cannot set up others
 *                    (static memory before Xen 4.19), and renaming those would fail.
 */
public record BackendPlan(List<String> startOrder, List<DomainPlan> xlNamedBoot) {
}
