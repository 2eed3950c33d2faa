package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ENHANCED;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** Before Xen 4.19 a dom0less domain with PV interfaces needs dom0 to run xenstore for it. */
public final class EnhancedNeedsDom0 extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.enhanced-dom0", Section.DOMAINS, Severity.ERROR,
			"PV interfaces of a dom0less domain have a dom0 to serve them",
			"xen,enhanced gives a dom0less domain grant tables and xenstore; xenstore runs in dom0, and Xen 4.17 and 4.18 "
					+ "need dom0 present for it.");
	static final XenVersion WITHOUT_DOM0 = new XenVersion(4, 19);

	public EnhancedNeedsDom0() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (Systems.dom0(s).isPresent() || Systems.xenVersion(s).atLeast(WITHOUT_DOM0)) return;
		for (Domain d : Systems.bootDomains(s))
			if (d.isEnhanced())
				out.report(INFO, d, DOMAIN__ENHANCED, "domain '" + d.getName() + "' asks for Xen's PV interfaces, but system '"
						+ s.getName() + "' has no control domain to run xenstore (needed before Xen 4.19): add one, or drop 'xen-enhanced'");
	}
}
