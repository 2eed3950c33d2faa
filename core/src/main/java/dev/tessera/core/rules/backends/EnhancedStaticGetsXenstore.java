package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.List;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenFeature;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.*;
import dev.tessera.model.System;

/**
 * A dom0less domain with PV interfaces gets xenstore from dom0's init-dom0less. Up to Xen 4.18 that tool puts the
 * xenstore page at a fixed guest address, which Xen cannot back for a domain with static memory: init-dom0less
 * prints "Error on alloc magic pages" and the domain never gets xenstore (booted under Xen 4.17).
 */
public final class EnhancedStaticGetsXenstore implements Rule {
	static final RuleInfo PV = new RuleInfo("domain.enhanced-static", Severity.ERROR,
			"A dom0less domain with static memory that serves or uses PV devices needs Xen 4.19",
			"Up to Xen 4.18, init-dom0less allocates a dom0less domain's xenstore page at a fixed guest address "
					+ "(GUEST_MAGIC_BASE), which Xen cannot populate for a domain on static memory, direct-mapped or not; from "
					+ "4.19 Xen allocates the page itself. Without xenstore the domain can neither serve backends nor connect "
					+ "frontends.");
	static final RuleInfo NO_XENSTORE = new RuleInfo("domain.enhanced-static-xenstore", Severity.WARNING,
			"A dom0less domain with static memory gets no xenstore before Xen 4.19",
			"The same limit for a domain that only needs its PV interfaces for static event channels: they work, "
					+ "but init-dom0less fails on the domain and it never gets xenstore, so nothing can be attached to it later.");

	public RuleInfo info() {
		return PV;
	}

	public List<RuleInfo> infos() {
		return List.of(PV, NO_XENSTORE);
	}

	public void check(System s, Findings out) {
		XenVersion v = Systems.xenVersion(s);
		if (XenFeature.XENSTORE_STATIC_MEMORY.availableIn(v)) return;
		for (Domain d : Systems.bootDomains(s)) {
			if (!d.isEnhanced() || !d.isStaticAllocation()) continue;
			boolean uses = !d.getFrontends().isEmpty();
			boolean serves = s.getDomains().stream().flatMap(x -> x.getFrontends().stream()).anyMatch(f -> Backends.backendOf(s, f) == d);
			if (uses || serves)
				out.report(PV, d, DOMAIN__ENHANCED, "domain '" + d.getName() + "' " + (serves ? "serves" : "uses")
						+ " PV devices and has static memory, but Xen " + v + "'s init-dom0less cannot give such a domain its "
						+ "xenstore page: target Xen 4.19 or later, or drop 'static' from its memory");
			else
				out.report(NO_XENSTORE, d, DOMAIN__ENHANCED, "domain '" + d.getName() + "' has static memory, so Xen " + v
						+ "'s init-dom0less cannot give it xenstore: its static links work, but no PV device can be attached to "
						+ "it (Xen 4.19 lifts this)");
		}
	}
}
