package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.FRONTEND__BACKEND;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.NinePFrontend;
import dev.tessera.model.System;
import dev.tessera.model.VirtioFrontend;

/** PV frontends of a domain Xen starts at boot need its PV interfaces (xen,enhanced). */
public final class PvFrontendsNeedEnhanced extends Rule {
	static final RuleInfo INFO = new RuleInfo("frontend.dom0less-pv", Section.BACKENDS, Severity.ERROR,
			"A dom0less domain has its PV interfaces on for PV devices, and only devices xl can attach",
			"A domain Xen starts at boot is a plain VM unless its xen,enhanced interfaces (grant tables, xenstore) are on; PV "
					+ "frontends need them to find their backends. dom0 attaches them once it runs (xl block-attach, network-attach, "
					+ "vdispl-attach, vkb-attach, vsnd-attach in xl/start-domains.sh); 9pfs and virtio devices cannot be attached to such a domain.");

	public PvFrontendsNeedEnhanced() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : Systems.bootDomains(s)) {
			for (Frontend f : d.getFrontends())
				if (f instanceof VirtioFrontend || f instanceof NinePFrontend)
					out.report(INFO, f, FRONTEND__BACKEND, "domain '" + d.getName() + "' starts at boot, and xl can attach only disks, "
							+ "networks, displays, input and sound devices to such a domain: start it with xl to give it this device");
			if (d.isEnhanced()) continue;
			for (Frontend f : d.getFrontends())
				if (!(f instanceof VirtioFrontend)) {
					out.report(INFO, f, FRONTEND__BACKEND, "domain '" + d.getName() + "' starts at boot with PV devices but without "
							+ "Xen's PV interfaces: add 'xen-enhanced'");
					break;
				}
		}
	}
}
