package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/**
 * A passed-through device takes what its driver needs with it: the devices its board lists under {@code needs} (from
 * the device tree's dmas, phys, renesas,vsps, renesas,cmms, renesas,fcp links), and what those need in turn. Left with
 * dom0 they leave the driver in the domain without its DMA channels, PHY or display pipeline (R-Car's DU does not probe
 * without its VSPs, whose FCPs they need); given to another domain, two domains' drivers fight over them.
 */
public final class PassedWithWhatItNeeds extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.needs", Section.DEVICES, Severity.WARNING,
			"A passed-through device goes with the devices it needs",
			"A device's driver needs the devices its board lists under 'needs' (its DMA controller, PHYs, the VSPs and FCPs "
					+ "of a display unit), and those need theirs: pass them all to the same domain, or the driver finds them "
					+ "missing (they stay with dom0).");
	static final RuleInfo ELSEWHERE = new RuleInfo("device.needs-elsewhere", Section.DEVICES, Severity.ERROR,
			"A device a passed-through device needs is not given to another domain",
			"Two domains cannot both have a device: when a device given to one domain needs a device given to another, one "
					+ "of the two drivers goes without. Give both to the same domain.");

	public PassedWithWhatItNeeds() {
		super(INFO, ELSEWHERE);
	}

	@Override
	public void check(System s, Findings out) {
		Map<Device, Domain> owner = new LinkedHashMap<>();
		for (PassedThrough x : Walk.passthroughs(s)) owner.putIfAbsent(x.device(), x.domain());
		for (PassedThrough x : Walk.passthroughs(s)) {
			List<String> missing = new ArrayList<>();
			for (Device n : closure(x.device())) {
				Domain other = owner.get(n);
				if (other == x.domain()) continue;
				if (other != null)
					out.report(ELSEWHERE, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName() + "' given to domain '"
							+ x.domain().getName() + "' needs device '" + n.getName() + "', which is given to domain '" + other.getName()
							+ "': give both to the same domain");
				else missing.add(n.getName());
			}
			if (!missing.isEmpty())
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + x.device().getName() + "' given to domain '"
						+ x.domain().getName() + "' needs " + quoted(missing) + " (its board's 'needs'), which stay"
						+ (missing.size() == 1 ? "s" : "") + " with dom0: pass " + (missing.size() == 1 ? "it" : "them") + " to '"
						+ x.domain().getName() + "' too");
		}
	}

	/** What a device needs, directly or through what it needs, in the board's order; itself excluded. */
	public static Set<Device> closure(Device d) {
		Set<Device> seen = new LinkedHashSet<>();
		Deque<Device> todo = new ArrayDeque<>(d.getNeeds());
		while (!todo.isEmpty()) {
			Device n = todo.poll();
			if (n == null || n.eIsProxy() || n == d || !seen.add(n)) continue;
			todo.addAll(n.getNeeds());
		}
		return seen;
	}

	private static String quoted(List<String> names) {
		return names.size() == 1 ? "device '" + names.get(0) + "'" : "devices '" + String.join("', '", names) + "'";
	}
}
