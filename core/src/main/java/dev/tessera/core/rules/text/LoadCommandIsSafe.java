package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.BOOT_SETTINGS__LOAD_COMMAND;

import java.util.regex.Pattern;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.System;

/** The load command is written into the U-Boot script as a command, so it may only name a command and its device. */
public final class LoadCommandIsSafe extends Rule {
	static final RuleInfo INFO = new RuleInfo("boot.load-command", Section.BOOT, Severity.ERROR,
			"The load command is a plain U-Boot command",
			"The load command ('tftpb', 'load mmc 0:1', 'fatload usb 0') is the one piece of text written into the boot "
					+ "script unquoted: it starts with a letter and holds only letters, digits, spaces and ':._-'; anything else could "
					+ "run other commands.");
	private static final Pattern SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9 :._-]*");

	public LoadCommandIsSafe() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getBoot() == null || s.getBoot().getLoadCommand() == null) return;
		String cmd = s.getBoot().getLoadCommand();
		if (!SAFE.matcher(cmd).matches())
			out.report(INFO, s.getBoot(), BOOT_SETTINGS__LOAD_COMMAND, "load command '" + cmd
					+ "' must start with a letter and use only letters, digits, spaces and ':._-', e.g. \"load mmc 0:1\"");
	}
}
