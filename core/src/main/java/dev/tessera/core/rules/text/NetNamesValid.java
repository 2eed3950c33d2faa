package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.NET_FRONTEND__BRIDGE;
import static dev.tessera.model.TesseraPackage.Literals.NET_FRONTEND__MAC;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.SafeText;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.System;

/**
 * A vif's bridge is a Linux network interface (the driver domain's serve script waits for /sys/class/net/BRIDGE, the
 * hotplug script adds the backend to it) and its MAC an Ethernet address xl parses (xl_parse.c, parse_nic_config).
 */
public final class NetNamesValid extends Rule {
	static final RuleInfo INFO = new RuleInfo("frontend.vif-names", Section.BACKENDS, Severity.ERROR,
			"A vif's bridge is an interface name and its MAC an Ethernet address",
			"The bridge is a network interface of the backend domain: Linux takes 1 to 15 characters without '/', ':' or "
					+ "white space, never '.' or '..' (the serve script waits for /sys/class/net/<bridge>). xl reads the MAC as "
					+ "six hex bytes separated by ':' and stops the domain's creation on anything else.");

	public NetNamesValid() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends())
				if (f instanceof NetFrontend n) {
					if (n.getBridge() != null && !SafeText.validInterfaceName(n.getBridge()))
						out.report(INFO, f, NET_FRONTEND__BRIDGE, "the bridge '" + n.getBridge() + "' of a vif of domain '" + d.getName()
								+ "' is not a Linux interface name: 1 to 15 characters, no '/', ':' or space, not '.' or '..'");
					if (n.getMac() != null && !SafeText.validMac(n.getMac()))
						out.report(INFO, f, NET_FRONTEND__MAC, "the MAC address '" + n.getMac() + "' of a vif of domain '" + d.getName()
								+ "' is not six hex bytes separated by ':' (e.g. \"00:16:3e:00:00:01\")");
				}
	}
}
