package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenFeature;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A release newer than the documentation Tessera was checked against is allowed, with a warning. */
public final class XenVersionNewer implements Rule {
	static final RuleInfo INFO = new RuleInfo("xen.version-newer", Severity.WARNING,
			"Target Xen release is newer than Tessera knows",
			"Tessera emits only what it knows; a newer release may accept more or have changed a format.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		if (s.getXen() == null) return;
		XenVersion.parse(s.getXen().getVersion()).filter(v -> v.compareTo(XenVersion.NEWEST) > 0)
				.ifPresent(v -> out.report(INFO, s.getXen(), XEN_SETTINGS__VERSION, "Xen " + v
						+ " is newer than " + XenVersion.NEWEST + ", the newest release Tessera was checked against"));
	}
}
