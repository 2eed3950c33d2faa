package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__VCPUS;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.model.Arch;
import dev.tessera.model.Board;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/**
 * Xen gives a domain at most min(vgic_max_vcpus, MAX_VIRT_CPUS) vCPUs (xen/arch/arm/domain.c, arch_sanitise_domain_config):
 * a GICv2 vGIC has 8 CPU interfaces, a GICv3 one 4096; Xen itself keeps 128 vCPUs a domain on arm64 and 8 on arm32.
 */
public final class VcpusWithinVgic extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.vcpus-max", Section.DOMAINS, Severity.ERROR,
			"A domain has no more vCPUs than Xen's virtual GIC allows",
			"Xen refuses to create a domain with more vCPUs than its virtual GIC has CPU interfaces (8 with GICv2) or than "
					+ "it supports a domain (128 on arm64, 8 on arm32): the domain is not created, at boot or by xl.");

	public VcpusWithinVgic() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		boolean arm32 = b != null && b.getArch() == Arch.ARM32;
		int gic = b == null || b.getGic() == null ? 3 : b.getGic().getVersion();
		int max = Math.min(gic == 2 ? 8 : 4096, arm32 ? 8 : 128);
		String why = gic == 2 ? "a GICv2 virtual GIC has 8 CPU interfaces" : "Xen supports " + max + " vCPUs a domain on "
				+ (arm32 ? "arm32" : "arm64");
		for (Domain d : s.getDomains())
			if (d.getVcpus() > max)
				out.report(INFO, d, DOMAIN__VCPUS, "domain '" + d.getName() + "' has " + d.getVcpus() + " vCPUs, more than Xen "
						+ "gives a domain " + (b == null ? "on arm64" : "on board '" + b.getName() + "'") + " (" + max + ": " + why + ")");
	}
}
