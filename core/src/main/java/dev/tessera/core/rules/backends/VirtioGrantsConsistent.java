package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.VIRTIO_FRONTEND__GRANTS;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.Served;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.model.VirtioFrontend;

/** Virtio with grants off needs a backend that may map all of the guest's memory: dom0. */
public final class VirtioGrantsConsistent extends Rule {
	static final RuleInfo INFO = new RuleInfo("frontend.virtio-grants", Section.BACKENDS, Severity.ERROR,
			"Virtio without grants is served by dom0",
			"Without grants a virtio backend maps the guest's memory by foreign mapping, which only a fully privileged domain "
					+ "may do; a driver domain must use grants (and its kernel must be built for them).");

	public VirtioGrantsConsistent() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Served x : Walk.frontends(s))
			if (x.frontend() instanceof VirtioFrontend v && v.isGrantsSet() && !v.isGrants() && Systems.startOf(x.backend()) != Start.DOM0)
				out.report(INFO, v, VIRTIO_FRONTEND__GRANTS, "virtio device of domain '" + x.domain().getName()
						+ "' turns grants off, but its backend '" + x.backend().getName() + "' is not dom0: use 'grants on'");
	}
}
