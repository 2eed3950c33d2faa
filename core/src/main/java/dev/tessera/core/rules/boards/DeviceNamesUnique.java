package dev.tessera.core.rules.boards;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.HashMap;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.System;

/** Device names are unique on a board: a system names the device it passes through, and only one can be meant. */
public final class DeviceNamesUnique extends Rule {
	static final RuleInfo INFO = new RuleInfo("board.device-unique", Section.SYSTEMS, Severity.ERROR,
			"Device names are unique on a board",
			"Systems pass devices through and pick Xen's console by name; with two devices of one name the linker takes "
					+ "one of them, silently, and the other cannot be named at all.");

	public DeviceNamesUnique() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
	}

	private static String path(Device d) {
		return d.getDtPath() == null || d.getDtPath().isEmpty() ? "" : " (path " + d.getDtPath() + ")";
	}

	@Override
	public void check(Board b, Findings out) {
		Map<String, Device> seen = new HashMap<>();
		for (Device d : b.getDevices()) {
			if (d.getName() == null) continue;
			Device first = seen.putIfAbsent(d.getName(), d);
			if (first != null)
				out.report(INFO, d, NAMED__NAME, "board '" + b.getName() + "' already has a device '" + d.getName() + "'"
						+ path(first) + ": rename this one" + path(d));
		}
	}
}
