package dev.tessera.core.rules.gpu;

import static dev.tessera.model.TesseraPackage.Literals.GPU_GUEST__DOMAIN;
import static dev.tessera.model.TesseraPackage.Literals.GPU_GUEST__OSID;

import java.util.HashMap;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.model.GpuGuest;
import dev.tessera.model.GpuShare;
import dev.tessera.model.GpuSharing;
import dev.tessera.model.System;

/** Hardware GPU virtualization: every guest has its own OSID, within what the GPU has; OSID 0 is the host's. */
public final class GpuOsidsUniqueAndInRange extends Rule {
	static final RuleInfo INFO = new RuleInfo("gpu.osid", Section.GPUS, Severity.ERROR, "Every GPU guest has its own OSID",
			"A PowerVR GPU runs each guest in an OSID (OS identifier) of its own; OSID 0 belongs to the host-mode domain, and "
					+ "the GPU has a fixed number of them ('osids' on the board): every guest of hardware sharing names one, from 1 "
					+ "to that number less one, used by no other guest.");

	public GpuOsidsUniqueAndInRange() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (GpuShare g : s.getGpus()) {
			if (g.getMode() != GpuSharing.HARDWARE) continue;
			int count = g.getDevice() == null || g.getDevice().eIsProxy() ? 0 : g.getDevice().getOsids();
			Map<Integer, GpuGuest> used = new HashMap<>();
			for (GpuGuest x : g.getGuests()) {
				String who = x.getDomain() == null ? "?" : x.getDomain().getName();
				if (!x.isSetOsid()) {
					out.report(INFO, x, GPU_GUEST__DOMAIN, "guest '" + who + "' of GPU hardware sharing needs an OSID: write 'osid <n>'");
					continue;
				}
				if (x.getOsid() <= 0 || (count > 0 && x.getOsid() >= count))
					out.report(INFO, x, GPU_GUEST__OSID, "OSID " + x.getOsid() + " of guest '" + who + "' is out of range"
							+ (count > 0 ? ": the GPU has OSIDs 1-" + (count - 1) + " for guests" : ": OSID 0 is the host's"));
				GpuGuest first = used.putIfAbsent(x.getOsid(), x);
				if (first != null)
					out.report(INFO, x, GPU_GUEST__OSID, "OSID " + x.getOsid() + " is given to domain '" + who + "' and to domain '"
							+ (first.getDomain() == null ? "?" : first.getDomain().getName()) + "': give each guest its own");
			}
		}
	}
}
