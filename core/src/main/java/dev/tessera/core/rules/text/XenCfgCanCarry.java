package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.BOOT_FILE__PATH;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CMDLINE;
import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__CMDLINE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.SafeText;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.BootFile;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/**
 * uefi/xen.cfg (written for every system) has no quoting: Xen's EFI loader (xen/common/efi/boot.c, pre_parse) ends a
 * line at the first '#', strips the blanks after '=', and splits {@code kernel=} at the first white space into the
 * file and dom0's command line (split_string). What it would cut or split is refused here.
 */
public final class XenCfgCanCarry extends Rule {
	static final RuleInfo INFO = new RuleInfo("text.xen-cfg", Section.TEXT, Severity.ERROR,
			"Xen's EFI loader reads xen.cfg as written",
			"uefi/xen.cfg is written for every system and has no quoting: Xen's EFI loader reads everything after a '#' "
					+ "as a comment, drops the blanks after '=', and takes dom0's kernel file name up to the first space, the "
					+ "rest being dom0's command line. Xen's and dom0's command lines cannot hold a '#'; dom0's kernel file name "
					+ "neither a '#' nor white space; dom0's ramdisk file name no '#' and no white space at its start or end.");

	public XenCfgCanCarry() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getXen() != null) {
			String c = s.getXen().getCmdline();
			int i = SafeText.xenCfgComment(c);
			if (i >= 0)
				out.report(INFO, s.getXen(), XEN_SETTINGS__CMDLINE, "Xen's command line has a '#' at character " + (i + 1)
						+ ": xen.cfg's options= would end there (Xen's EFI loader reads the rest as a comment)");
		}
		Domain dom0 = Systems.dom0(s).orElse(null);
		if (dom0 == null) return;
		int i = SafeText.xenCfgComment(dom0.getCmdline());
		if (i >= 0)
			out.report(INFO, dom0, DOMAIN__CMDLINE, "the command line of dom0 '" + dom0.getName() + "' has a '#' at character "
					+ (i + 1) + ": xen.cfg's kernel= would end there (Xen's EFI loader reads the rest as a comment)");
		file(out, dom0.getKernel(), true);
		file(out, dom0.getRamdisk(), false);
	}

	private static void file(Findings out, BootFile f, boolean kernel) {
		if (f == null || f.getPath() == null) return;
		String p = f.getPath();
		int hash = SafeText.xenCfgComment(p);
		int space = SafeText.firstSpace(p);
		String what = TextFields.owner(f) + " '" + p + "'";
		if (hash >= 0)
			out.report(INFO, f, BOOT_FILE__PATH, what + " has a '#' at character " + (hash + 1)
					+ ": xen.cfg would end the file name there (Xen's EFI loader reads the rest as a comment)");
		else if (space >= 0 && (kernel || space == 0 || space == p.length() - 1 || Character.isWhitespace(p.charAt(p.length() - 1))))
			out.report(INFO, f, BOOT_FILE__PATH, what + " has " + SafeText.describe(p.charAt(space)) + " at character " + (space + 1)
					+ (kernel ? ": xen.cfg's kernel= takes the file name up to the first space and passes the rest to dom0"
							: ": xen.cfg drops blanks at the start of a value and keeps them at the end; rename the file"));
	}
}
