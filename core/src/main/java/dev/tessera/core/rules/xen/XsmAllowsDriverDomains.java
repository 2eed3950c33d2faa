package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.FRONTEND__BACKEND;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.model.Xsm;

/**
 * Xen on Arm builds with XSM default to SILO (Debian's does), which forbids event channels and grants between two
 * domUs: a driver domain then cannot serve another domU. Seen booting Tessera's own driver-domain example.
 */
public final class XsmAllowsDriverDomains extends Rule {
	static final RuleInfo INFO = new RuleInfo("xen.xsm-silo", Section.XEN, Severity.WARNING,
			"Xen's security module lets driver domains serve other domains",
			"XSM's SILO mode, the default of Xen on Arm built with XSM (Debian's build), forbids event channels and grants "
					+ "between two domUs, so a driver domain's backends never connect (\"allocating event channel\": EPERM). "
					+ "Warned when a domain other than dom0 serves another domain other than dom0 and the system chooses no security "
					+ "module ('xsm dummy', or 'xsm flask', whose generated policy allows what the system declares; or xsm= in "
					+ "Xen's cmdline); an error when it chooses 'xsm silo'.");

	static final RuleInfo SILO = new RuleInfo("xsm.silo-driver-domain", Section.XEN, Severity.ERROR,
			"A system that chooses xsm silo has no driver domain serving another domU",
			"SILO forbids event channels and grants between two domUs: with 'xsm silo' a driver domain's backends never connect.");

	public XsmAllowsDriverDomains() {
		super(INFO, SILO);
	}

	@Override
	public void check(System s, Findings out) {
		boolean silo = Systems.xsm(s) == Xsm.SILO;
		if (Systems.xsm(s) != null && !silo) return;
		String cmdline = s.getXen() == null || s.getXen().getCmdline() == null ? "" : s.getXen().getCmdline();
		if (!silo && cmdline.matches("(^|.*\\s)xsm=.*")) return;
		Walk.frontends(s).stream().filter(x -> Systems.startOf(x.backend()) != Start.DOM0 && Systems.startOf(x.domain()) != Start.DOM0)
				.findFirst().ifPresent(x -> {
					if (silo) out.report(SILO, x.frontend(), FRONTEND__BACKEND, "domain '" + x.backend().getName()
							+ "' serves domain '" + x.domain().getName() + "', which xsm silo forbids between domUs: choose 'xsm flask' "
							+ "(Tessera writes a policy that allows what the system declares) or 'xsm dummy'");
					else out.report(INFO, x.frontend(), FRONTEND__BACKEND, "domain '" + x.backend().getName()
							+ "' serves domain '" + x.domain().getName() + "', which Xen's default XSM (SILO) forbids between domUs: "
							+ "say 'xsm flask' (Tessera writes a policy that allows what the system declares) or 'xsm dummy' in the xen block");
				});
	}
}
