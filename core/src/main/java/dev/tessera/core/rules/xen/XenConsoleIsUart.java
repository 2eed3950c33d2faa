package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__CONSOLE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Device;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.System;

/** Xen's console must be a UART of the board with a device-tree path Xen can name (dtuart=). */
public final class XenConsoleIsUart extends Rule {
	static final RuleInfo INFO = new RuleInfo("xen.console", Section.XEN, Severity.ERROR, "Xen's console is a UART",
			"Xen drives its console itself through dtuart=<path>: the device must be a UART with a device-tree path.");

	public XenConsoleIsUart() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getXen() == null) return;
		Device c = s.getXen().getConsole();
		if (c == null || c.eIsProxy()) return;
		if (c.getKind() != DeviceKind.UART)
			out.report(INFO, s.getXen(), XEN_SETTINGS__CONSOLE, "Xen's console '" + c.getName()
					+ "' is a " + c.getKind().getLiteral() + " device, not a uart: choose one of the board's UARTs");
		else if (c.getDtPath() == null || c.getDtPath().isEmpty())
			out.report(INFO, s.getXen(), XEN_SETTINGS__CONSOLE, "Xen's console '" + c.getName()
					+ "' has no device-tree path on the board, so dtuart= cannot name it: add 'path' to the device");
	}
}
