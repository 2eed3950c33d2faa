package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ENHANCED;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenFeature;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/**
 * A dom0less domain with PV interfaces gets xenstore from dom0's init-dom0less. Up to Xen 4.20 that tool puts the
 * xenstore page at a fixed guest address, which Xen cannot back for a domain with static memory: init-dom0less
 * prints "Error on alloc magic pages" and the domain never gets xenstore (booted under Xen 4.17). From 4.21 Xen
 * allocates the page itself.
 */
public final class EnhancedStaticGetsXenstore extends Rule {
	static final RuleInfo PV = new RuleInfo("domain.enhanced-static", Section.DOMAINS, Severity.ERROR,
			"A dom0less domain with static memory that serves or uses PV devices needs Xen 4.21",
			"Up to Xen 4.20, init-dom0less allocates a dom0less domain's xenstore page at a fixed guest address "
					+ "(GUEST_MAGIC_BASE), which Xen cannot populate for a domain on static memory, direct-mapped or not; from "
					+ "4.21 Xen allocates the page itself. Without xenstore the domain can neither serve backends nor connect "
					+ "frontends.");
	static final RuleInfo NO_XENSTORE = new RuleInfo("domain.enhanced-static-xenstore", Section.DOMAINS, Severity.WARNING,
			"A dom0less domain with static memory gets no xenstore before Xen 4.21",
			"The same limit for a domain that only needs its PV interfaces for static event channels: they work, "
					+ "but init-dom0less fails on the domain and it never gets xenstore, so nothing can be attached to it later.");

	public EnhancedStaticGetsXenstore() {
		super(PV, NO_XENSTORE);
	}

	@Override
	public void check(System s, Findings out) {
		XenVersion v = Systems.xenVersion(s);
		if (XenFeature.XENSTORE_STATIC_MEMORY.availableIn(v) || Systems.dom0(s).isEmpty()) return;
		for (Domain d : Systems.bootDomains(s)) {
			if (!d.isEnhanced() || d.isNoXenstore() || !d.isStaticAllocation()) continue;
			boolean uses = !d.getFrontends().isEmpty();
			boolean serves = Walk.frontends(s).stream().anyMatch(x -> x.backend() == d);
			if (uses || serves)
				out.report(PV, d, DOMAIN__ENHANCED, "domain '" + d.getName() + "' " + (serves ? "serves" : "uses")
						+ " PV devices and has static memory, but Xen " + v + "'s init-dom0less cannot give such a domain its "
						+ "xenstore page: target Xen " + XenFeature.XENSTORE_STATIC_MEMORY.since() + " or later, or drop 'static' from its memory");
			else
				out.report(NO_XENSTORE, d, DOMAIN__ENHANCED, "domain '" + d.getName() + "' has static memory, so Xen " + v
						+ "'s init-dom0less cannot give it xenstore: its static links work, but no PV device can be attached to "
						+ "it (Xen " + XenFeature.XENSTORE_STATIC_MEMORY.since() + " lifts this; 'xen-enhanced no-xenstore' says you mean it)");
		}
	}
}
