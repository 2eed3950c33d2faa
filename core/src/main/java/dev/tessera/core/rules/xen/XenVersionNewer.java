package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__VERSION;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.System;

/** A release newer than the documentation Tessera was checked against is allowed, with a warning. */
public final class XenVersionNewer extends Rule {
	static final RuleInfo INFO = new RuleInfo("xen.version-newer", Section.XEN, Severity.WARNING,
			"Target Xen release is newer than Tessera knows",
			"Tessera emits only what it knows; a newer release may accept more or have changed a format.");

	public XenVersionNewer() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getXen() == null) return;
		XenVersion.parse(s.getXen().getVersion()).filter(v -> v.compareTo(XenVersion.NEWEST) > 0)
				.ifPresent(v -> out.report(INFO, s.getXen(), XEN_SETTINGS__VERSION, "Xen " + v
						+ " is newer than " + XenVersion.NEWEST + ", the newest release Tessera was checked against"));
	}
}
