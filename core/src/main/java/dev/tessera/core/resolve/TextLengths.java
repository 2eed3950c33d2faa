package dev.tessera.core.resolve;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CMDLINE;
import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__CMDLINE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.text.SafeText;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Arch;
import dev.tessera.model.Board;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** Rule text.length: the command lines as emitted against U-Boot's, Xen's and Linux's buffers. */
final class TextLengths {
	private TextLengths() {
	}

	static void check(System s, Board b, String xenCmdline, Findings out) {
		if (xenCmdline != null && xenCmdline.length() > SafeText.XEN_CMDLINE_MAX)
			out.report(ResolutionRules.TEXT_LENGTH, s.getXen(), s.getXen() == null ? null : XEN_SETTINGS__CMDLINE,
					"Xen's command line is " + xenCmdline.length() + " characters with what Tessera adds, more than the "
							+ SafeText.XEN_CMDLINE_MAX + " that U-Boot's fdt set and Xen's own buffer hold: shorten it");
		boolean arm32 = b != null && b.getArch() == Arch.ARM32;
		for (Domain d : s.getDomains()) {
			String c = d.getCmdline();
			if (c == null) continue;
			boolean xl = Systems.startOf(d) == Start.XL;
			int max = !xl ? SafeText.XEN_CMDLINE_MAX : arm32 ? SafeText.LINUX_CMDLINE_MAX_ARM32 : SafeText.LINUX_CMDLINE_MAX_ARM64;
			if (c.length() > max)
				out.report(ResolutionRules.TEXT_LENGTH, d, DOMAIN__CMDLINE, "the command line of domain '" + d.getName() + "' is "
						+ c.length() + " characters, more than the " + max + (xl ? " Linux keeps on " + (arm32 ? "arm" : "arm64")
								: " that U-Boot's fdt set and Xen's module buffer hold") + ": shorten it");
		}
	}
}
