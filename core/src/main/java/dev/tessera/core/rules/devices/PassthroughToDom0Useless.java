package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Passthrough;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** dom0 already owns every device it is not told to leave alone. */
public final class PassthroughToDom0Useless extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.passthrough-dom0", Section.DEVICES, Severity.WARNING,
			"Passthrough to dom0 does nothing",
			"dom0 sees every host device not marked xen,passthrough; listing one for dom0 changes nothing.");

	public PassthroughToDom0Useless() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			if (Systems.startOf(d) == Start.DOM0)
				for (Passthrough p : d.getPassthrough())
					out.report(INFO, p, PASSTHROUGH__DEVICE, "domain '" + d.getName()
							+ "' is dom0, which has every device not passed to another domain: remove this passthrough");
	}
}
