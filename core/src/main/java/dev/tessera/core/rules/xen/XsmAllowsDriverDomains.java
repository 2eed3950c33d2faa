package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/**
 * Xen on Arm builds with XSM default to SILO (Debian's does), which forbids event channels and grants between two
 * domUs: a driver domain then cannot serve another domU. Seen booting Tessera's own driver-domain example.
 */
public final class XsmAllowsDriverDomains implements Rule {
	static final RuleInfo INFO = new RuleInfo("xen.xsm-silo", Severity.WARNING,
			"Xen's security module lets driver domains serve other domains",
			"XSM's SILO mode, the default of Xen on Arm built with XSM (Debian's build), forbids event channels and grants "
					+ "between two domUs, so a driver domain's backends never connect (\"allocating event channel\": EPERM). "
					+ "Choose the XSM policy on Xen's command line: xsm=dummy, or xsm=flask with a policy that allows it.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		String cmdline = s.getXen() == null || s.getXen().getCmdline() == null ? "" : s.getXen().getCmdline();
		if (cmdline.matches("(^|.*\\s)xsm=.*")) return;
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends()) {
				Domain b = Backends.backendOf(s, f);
				if (b == null || Systems.startOf(b) == Start.DOM0 || Systems.startOf(d) == Start.DOM0) continue;
				out.report(INFO, f, FRONTEND__BACKEND, "domain '" + b.getName() + "' serves domain '" + d.getName()
						+ "', which Xen's default XSM (SILO) forbids between domUs: add xsm=dummy (or xsm=flask with a policy) to Xen's cmdline");
				return;
			}
	}
}
