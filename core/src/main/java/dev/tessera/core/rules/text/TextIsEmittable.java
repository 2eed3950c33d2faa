package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.BOOT_FILE__PATH;
import static dev.tessera.model.TesseraPackage.Literals.BOOT_SETTINGS__LOAD_COMMAND;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CMDLINE;
import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__CMDLINE;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.SafeText;
import dev.tessera.model.BootFile;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/**
 * Text Tessera writes into device trees, U-Boot scripts, xl configs and xen.cfg must be representable in all
 * of them: quotes and backslashes are escaped, but none of the formats can carry a line break.
 */
public final class TextIsEmittable extends Rule {
	static final RuleInfo INFO = new RuleInfo("text.unsafe", Section.TEXT, Severity.ERROR,
			"Command lines and file names fit on one line",
			"A line break or control character in a command line or file name would cut a U-Boot command, an xl "
					+ "setting or a xen.cfg line in two: the rest would be run or read as something else.");

	public TextIsEmittable() {
		super(INFO);
	}

	@Override
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

	private void text(Findings out, EObject at, EStructuralFeature feature, String value, String what) {
		int i = SafeText.firstUnsafe(value);
		if (i >= 0)
			out.report(INFO, at, feature, what + " contains " + SafeText.describe(value.charAt(i))
					+ " at character " + (i + 1) + ", which cannot be written into a boot script or config: remove it");
	}
}
