package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ENHANCED;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__OS;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__START;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.OsKind;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * What Tessera generates for dom0 to run (xl configs, xl/start-domains.sh, init-dom0less, the backends it serves) needs
 * Xen's Linux tools and a shell. A dom0 running Zephyr (Zephyr's xen_dom0 support) or another OS starts nothing of it:
 * such a system starts its other domains at boot, without xenstore, and serves no PV backend from dom0.
 */
public final class ControlDomainRunsTheTools extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.control-os", Section.DOMAINS, Severity.ERROR,
			"What dom0 must run, its OS runs",
			"xl, init-dom0less, the generated xl/start-domains.sh and PV backends in dom0 are Linux programs (Xen's tools, a "
					+ "shell). A dom0 that runs Zephyr or another OS cannot start domains with xl, give a domain Xen starts at boot "
					+ "its xenstore, or serve PV devices: start those domains at boot without xenstore, or run Linux in dom0.");

	public ControlDomainRunsTheTools() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Domain dom0 = Systems.dom0(s).orElse(null);
		if (dom0 == null || runsTheTools(dom0.getOs())) return;
		String os = dom0.getOs().getLiteral();
		for (Domain d : s.getDomains()) {
			if (d == dom0) continue;
			if (Systems.startOf(d) == Start.XL)
				out.report(INFO, d, DOMAIN__START, "domain '" + d.getName() + "' is started with xl, which runs in dom0 '" + dom0.getName()
						+ "', but dom0 runs " + os + ": start it at boot, or run Linux in dom0");
			else if (d.isEnhanced() && !d.isNoXenstore())
				out.report(INFO, d, DOMAIN__ENHANCED, "domain '" + d.getName() + "' gets xenstore from init-dom0less in dom0 '" + dom0.getName()
						+ "', but dom0 runs " + os + ": write xen-enhanced no-xenstore, or run Linux in dom0");
			for (Frontend f : d.getFrontends())
				if (Backends.backendOf(s, f) == dom0)
					out.report(INFO, dom0, DOMAIN__OS, "dom0 '" + dom0.getName() + "' runs " + os + ", but domain '" + d.getName()
							+ "' expects a PV backend from it: serve it from a Linux driver domain, or run Linux in dom0");
		}
	}

	static boolean runsTheTools(OsKind os) {
		return os == OsKind.LINUX || os == OsKind.ANDROID;
	}
}
