package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ENHANCED;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenBehaviour;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/**
 * A dom0less domain that serves or uses PV devices needs xenstore, which only dom0 runs for it: up to Xen 4.20 Xen
 * panics on xenstore without dom0; 4.21 can make a boot domain the xenstore domain (capabilities), which Tessera does
 * not emit. Without dom0 a domain's PV interfaces are grant tables and event channels (xen,enhanced "no-xenstore").
 */
public final class EnhancedNeedsDom0 extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.enhanced-dom0", Section.DOMAINS, Severity.ERROR,
			"A dom0less domain that needs xenstore has a dom0 to run it",
			"A domain Xen starts at boot gets xenstore from dom0 (init-dom0less). Without dom0 Xen 4.17 to 4.20 panic at boot "
					+ "(\"Xenstore support requires dom0 to be present\"), and 4.21 needs a boot domain with the xenstore capability. "
					+ "Without dom0 Tessera gives such a domain its PV interfaces without xenstore (no-xenstore): grant tables "
					+ "and static event channels work, PV devices do not.");

	public EnhancedNeedsDom0() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (Systems.dom0(s).isPresent()) return;
		XenVersion v = Systems.xenVersion(s);
		for (Domain d : Systems.bootDomains(s))
			if (d.isEnhanced() && !d.isNoXenstore() && Backends.needsXenstore(s, d))
				out.report(INFO, d, DOMAIN__ENHANCED, "domain '" + d.getName() + "' " + (d.getFrontends().isEmpty() ? "serves" : "uses")
						+ " PV devices, which need xenstore, but system '" + s.getName() + "' has no control domain to run it"
						+ (v.atLeast(XenBehaviour.XENSTORE_DOMAIN)
								? " (Xen " + v + " could make a boot domain the xenstore domain, which Tessera does not emit yet)"
								: " (Xen " + v + " runs xenstore only with dom0 present; " + XenBehaviour.XENSTORE_DOMAIN
										+ " adds a xenstore domain)")
						+ ": add a control domain");
	}
}
