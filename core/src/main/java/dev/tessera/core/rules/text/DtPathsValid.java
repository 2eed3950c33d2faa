package dev.tessera.core.rules.text;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.SafeText;
import dev.tessera.model.Board;
import dev.tessera.model.System;

/**
 * A board's device-tree paths are written as dtc path references ({@code &{/soc/uart@1000}}, whose characters dtc's
 * lexer limits), as U-Boot fdt paths and as xen,path and dtdev strings Xen looks up: each is an absolute path of node
 * names.
 */
public final class DtPathsValid extends Rule {
	static final RuleInfo INFO = new RuleInfo("board.dt-path", Section.SYSTEMS, Severity.ERROR,
			"A board's device-tree paths are node paths",
			"Paths become dtc path references in host.dts, U-Boot fdt paths, and the xen,path and dtdev Xen looks up: each "
					+ "starts with '/' and its node names use letters, digits and ',._+-', with one '@' before a unit address. "
					+ "dtc stops on anything else, and a path that is not the node's finds nothing.");

	public DtPathsValid() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
	}

	@Override
	public void check(Board b, Findings out) {
		TextFields.forEach(b, true, (owner, attribute, index, value) -> {
			if (SafeText.firstUnsafe(value) >= 0 || SafeText.validDtPath(value)) return;
			out.report(INFO, owner, attribute, index, TextFields.describe(owner, attribute) + " '" + value
					+ "' is not a device-tree node path: start with '/', use letters, digits and ',._+-' in node names, and '@' "
					+ "before a unit address (\"/soc/serial@e6e88000\")");
		});
	}
}
