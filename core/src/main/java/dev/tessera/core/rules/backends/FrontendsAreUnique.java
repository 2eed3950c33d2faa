package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.DISK_FRONTEND__VDEV;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;
import static dev.tessera.model.TesseraPackage.Literals.NET_FRONTEND__MAC;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.DiskFrontend;
import dev.tessera.model.DisplayConnector;
import dev.tessera.model.DisplayFrontend;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.System;

/** Virtual devices are told apart: disk names per domain, MAC addresses across the system, connector ids per domain. */
public final class FrontendsAreUnique extends Rule {
	static final RuleInfo INFO = new RuleInfo("frontend.unique", Section.BACKENDS, Severity.ERROR, "Virtual devices are unique",
			"Two disks of one domain with one name, two vifs in the system with one MAC address (in any case) or two display "
					+ "connectors of one domain with one name collide in the guest or on the bridge.");

	public FrontendsAreUnique() {
		super(INFO);
	}

	@Override
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
						out.report(INFO, f, NET_FRONTEND__MAC, "MAC address '" + x.getMac() + "' of domain '" + d.getName()
								+ "' is also used by domain '" + first.getName() + "': give each vif its own");
				}
				if (f instanceof DisplayFrontend x)
					for (DisplayConnector c : x.getConnectors())
						if (c.getName() != null && !connectors.add(c.getName()))
							out.report(INFO, c, NAMED__NAME, "domain '" + d.getName() + "' has two display connectors named '" + c.getName() + "'");
			}
		}
	}
}
