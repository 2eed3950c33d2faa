package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.plan.OutputFiles;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * A domain's name becomes a /chosen node (domains Xen starts) and output file names (passthrough/D.dtb, uefi/D.dtb,
 * xl/D.cfg ...): it must not be a node or file Tessera generates for something else. dtc merges two nodes of one name
 * without a word, and one file would overwrite the other; the EFI partition is FAT, where names differ in more than
 * case.
 */
public final class DomainNameNotGenerated extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.name-generated", Section.DOMAINS, Severity.ERROR,
			"Domain names differ from the nodes and files Tessera generates",
			"A domain Xen starts becomes a /chosen node beside dom0-kernel, dom0-ramdisk and the cpupool-NAME nodes, and its "
					+ "partial device tree uefi/NAME.dtb lies beside uefi/host.dtb on a FAT partition: a domain of one of those "
					+ "names is merged into another node by dtc or overwrites another file, silently. Two domains Xen starts whose "
					+ "names differ only in case overwrite each other's uefi/NAME.dtb on FAT; two xl domains' xl/NAME.cfg are one "
					+ "file wherever case is ignored.");

	public DomainNameNotGenerated() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Map<String, Domain> folded = new HashMap<>();
		for (Domain d : s.getDomains()) {
			String n = d.getName();
			if (n == null) continue;
			Domain other = folded.putIfAbsent(n.toLowerCase(Locale.ROOT), d);
			// only domains started alike have files of their names in one folder: at-boot in passthrough/ and uefi/, xl in xl/
			if (other != null && !other.getName().equals(n) && Systems.startOf(other) == Systems.startOf(d)) {
				if (Systems.startOf(d) == Start.BOOT)
					out.report(INFO, d, NAMED__NAME, "domain '" + n + "' differs from domain '" + other.getName() + "' only in case: "
							+ "their partial device trees " + OutputFiles.uefiPartialDtb(other.getName()) + " and "
							+ OutputFiles.uefiPartialDtb(n) + " are one file on the FAT EFI partition");
				else if (Systems.startOf(d) == Start.XL)
					out.report(INFO, d, NAMED__NAME, "domain '" + n + "' differs from domain '" + other.getName() + "' only in case: "
							+ "their xl configs " + OutputFiles.xlConfig(other.getName()) + " and " + OutputFiles.xlConfig(n)
							+ " are one file in an output folder or on a disk that ignores case (macOS, Windows, FAT)");
			}
			boolean node = Systems.startOf(d) == Start.BOOT;
			if (!node) continue;
			if (n.equals("dom0-kernel") || n.equals("dom0-ramdisk"))
				out.report(INFO, d, NAMED__NAME, "domain '" + n + "' would be the /chosen node " + n + " that holds dom0's "
						+ (n.endsWith("kernel") ? "kernel" : "ramdisk") + ": choose another name");
			for (Cpupool p : s.getCpupools())
				if (p.getName() != null && n.equals("cpupool-" + p.getName()))
					out.report(INFO, d, NAMED__NAME, "domain '" + n + "' would be the /chosen node of cpupool '" + p.getName()
							+ "': choose another name");
			if (n.equalsIgnoreCase("host"))
				out.report(INFO, d, NAMED__NAME, "domain '" + n + "' would write its partial device tree to "
						+ OutputFiles.uefiPartialDtb(n) + ", which is " + OutputFiles.UEFI_HOST_DTB + " on the FAT EFI partition: "
						+ "choose another name");
		}
	}
}
