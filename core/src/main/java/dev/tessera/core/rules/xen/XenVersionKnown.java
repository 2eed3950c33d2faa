package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__VERSION;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.System;

/** The target Xen release must be one Tessera generates for. */
public final class XenVersionKnown extends Rule {
	static final RuleInfo INFO = new RuleInfo("xen.version", Section.XEN, Severity.ERROR, "Target Xen release is supported",
			"What Xen accepts in its device tree and command line changes release by release; Tessera generates for "
					+ XenVersion.OLDEST + " and later.");

	public XenVersionKnown() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getXen() == null || s.getXen().getVersion() == null) return;
		var v = XenVersion.parse(s.getXen().getVersion());
		if (v.isEmpty())
			out.report(INFO, s.getXen(), XEN_SETTINGS__VERSION,
					"Xen version '" + s.getXen().getVersion() + "' is not of the form 4.17 or 4.17.2 (numbers of at most four digits)");
		else if (!v.get().atLeast(XenVersion.OLDEST))
			out.report(INFO, s.getXen(), XEN_SETTINGS__VERSION, "Xen " + v.get() + " is older than "
					+ XenVersion.OLDEST + ", the oldest release Tessera generates for: target " + XenVersion.OLDEST
					+ " or later");
	}
}
