package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Virtual devices are told apart: disk names per domain, MAC addresses across the system, connector ids per domain. */
public final class FrontendsAreUnique implements Rule {
	static final RuleInfo INFO = new RuleInfo("frontend.unique", Severity.ERROR, "Virtual devices are unique",
			"Two disks with one name, two NICs with one MAC or two display connectors with one id collide in the guest or on the bridge.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Map<String, Domain> macs = new HashMap<>();
		for (Domain d : s.getDomains()) {
			Set<String> vdevs = new HashSet<>(), connectors = new HashSet<>();
			for (Frontend f : d.getFrontends()) {
				if (f instanceof DiskFrontend x && x.getVdev() != null && !vdevs.add(x.getVdev()))
					out.report(INFO, f, DISK_FRONTEND__VDEV, "domain '" + d.getName() + "' has two disks named '" + x.getVdev() + "'");
				if (f instanceof NetFrontend x && x.getMac() != null) {
					Domain first = macs.putIfAbsent(x.getMac().toLowerCase(Locale.ROOT), d);
					if (first != null)
						out.report(INFO, f, NET_FRONTEND__MAC, "MAC address " + x.getMac() + " of domain '" + d.getName()
								+ "' is also used by domain '" + first.getName() + "'");
				}
				if (f instanceof DisplayFrontend x)
					for (DisplayConnector c : x.getConnectors())
						if (c.getName() != null && !connectors.add(c.getName()))
							out.report(INFO, c, NAMED__NAME, "domain '" + d.getName() + "' has two display connectors named '" + c.getName() + "'");
			}
		}
	}
}
