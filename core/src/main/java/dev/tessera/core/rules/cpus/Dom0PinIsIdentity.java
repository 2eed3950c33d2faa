package dev.tessera.core.rules.cpus;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__PIN;

import java.util.List;
import java.util.stream.IntStream;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** Xen pins dom0 only one way (dom0_vcpus_pin): vCPU n on CPU n. */
public final class Dom0PinIsIdentity extends Rule {
	static final RuleInfo INFO = new RuleInfo("cpu.dom0-pin", Section.CPUS, Severity.ERROR, "dom0 is pinned vCPU n to CPU n",
			"Xen's only way to pin dom0 is dom0_vcpus_pin, which puts vCPU n on CPU n; any other pinning of dom0 would be "
					+ "silently replaced by that one.");

	public Dom0PinIsIdentity() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains()) {
			if (Systems.startOf(d) != Start.DOM0 || d.getPin().isEmpty()) continue;
			List<Integer> pin = Systems.expand(d.getPin());
			// bounded like Systems.expand: a count near int's top is domain.vcpus-max's to report, not a list to build
			List<Integer> identity = IntStream.range(0, Math.min(Math.max(d.getVcpus(), 0), 4096)).boxed().toList();
			if (!pin.equals(identity))
				out.report(INFO, d, DOMAIN__PIN, "dom0 '" + d.getName() + "' is pinned to CPU " + Systems.cpuList(pin)
						+ ", but Xen pins dom0's vCPU n to CPU n: write 'pin " + (identity.isEmpty() ? "0" : Systems.cpuList(identity))
						+ "' or leave dom0 unpinned");
		}
	}
}
