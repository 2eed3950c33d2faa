package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Virtio with grants off needs a backend that may map all of the guest's memory: dom0. */
public final class VirtioGrantsConsistent implements Rule {
	static final RuleInfo INFO = new RuleInfo("frontend.virtio-grants", Severity.ERROR,
			"Virtio without grants is served by dom0",
			"Without grants a virtio backend maps the guest's memory by foreign mapping, which only a fully privileged domain "
					+ "may do; a driver domain must use grants (and its kernel must be built for them).");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends())
				if (f instanceof VirtioFrontend v && v.isGrantsSet() && !v.isGrants()) {
					Domain b = Backends.backendOf(s, f);
					if (b != null && Systems.startOf(b) != Start.DOM0)
						out.report(INFO, f, VIRTIO_FRONTEND__GRANTS, "virtio device of domain '" + d.getName() + "' turns grants off, but its backend '"
								+ b.getName() + "' is not dom0: use 'grants on'");
				}
	}
}
