package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/**
 * Text Tessera writes into device trees, U-Boot scripts, xl configs and xen.cfg must be representable in all
 * of them: quotes and backslashes are escaped, but none of the formats can carry a line break.
 */
public final class TextIsEmittable implements Rule {
	static final RuleInfo INFO = new RuleInfo("text.unsafe", Severity.ERROR,
			"Command lines and file names fit on one line",
			"A line break or control character in a command line or file name would cut a U-Boot command, an xl "
					+ "setting or a xen.cfg line in two: the rest would be run or read as something else.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		if (s.getXen() != null) {
			text(out, s.getXen(), XEN_SETTINGS__CMDLINE, s.getXen().getCmdline(), "Xen's command line");
			file(out, s.getXen().getImage(), "Xen's image");
		}
		if (s.getBoot() != null)
			text(out, s.getBoot(), BOOT_SETTINGS__LOAD_COMMAND, s.getBoot().getLoadCommand(), "the load command");
		for (Domain d : s.getDomains()) {
			text(out, d, DOMAIN__CMDLINE, d.getCmdline(), "the command line of domain '" + d.getName() + "'");
			file(out, d.getKernel(), "the kernel of domain '" + d.getName() + "'");
			file(out, d.getRamdisk(), "the ramdisk of domain '" + d.getName() + "'");
			file(out, d.getDeviceTree(), "the device tree of domain '" + d.getName() + "'");
		}
	}

	private void file(Findings out, BootFile f, String what) {
		if (f != null) text(out, f, BOOT_FILE__PATH, f.getPath(), what);
	}

	private void text(Findings out, org.eclipse.emf.ecore.EObject at, org.eclipse.emf.ecore.EStructuralFeature feature,
			String value, String what) {
		int i = dev.tessera.core.text.SafeText.firstUnsafe(value);
		if (i >= 0)
			out.report(INFO, at, feature, what + " contains " + dev.tessera.core.text.SafeText.describe(value.charAt(i))
					+ " at character " + (i + 1) + ", which cannot be written into a boot script or config: remove it");
	}
}
