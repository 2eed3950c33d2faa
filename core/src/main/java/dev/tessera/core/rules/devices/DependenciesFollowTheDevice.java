package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** A device whose clocks or power domains come from a device that stays with another domain is warned about. */
public final class DependenciesFollowTheDevice implements Rule {
	static final RuleInfo INFO = new RuleInfo("device.dependency-elsewhere", Severity.WARNING,
			"A device's clocks and power domains are not left with another domain",
			"A device passed through still needs its clocks and power domains on; the domain that keeps their provider "
					+ "can turn them off under it (a classic hang on the bench). Keep them on, or pass the provider along.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		Board b = s.getBoard();
		if (b == null || b.eIsProxy()) return;
		Map<String, Device> byPath = new HashMap<>();
		for (Device dev : b.getDevices()) if (dev.getDtPath() != null) byPath.put(dev.getDtPath(), dev);
		Map<Device, Domain> owner = new HashMap<>();
		for (Domain d : s.getDomains()) for (Passthrough p : d.getPassthrough()) if (p.getDevice() != null) owner.putIfAbsent(p.getDevice(), d);
		String dom0 = Systems.dom0(s).map(Domain::getName).orElse("Xen");
		for (Domain d : s.getDomains()) {
			if (Systems.startOf(d) == Start.DOM0) continue;
			for (Passthrough p : d.getPassthrough()) {
				Device dev = p.getDevice();
				if (dev == null || dev.eIsProxy()) continue;
				List<DtReference> deps = new ArrayList<>(dev.getClocks());
				deps.addAll(dev.getPowerDomains());
				for (DtReference r : deps) {
					Device provider = byPath.get(r.getProvider());
					if (provider == null || provider == dev) continue;
					Domain holder = owner.get(provider);
					if (holder == d) continue;
					out.report(INFO, p, PASSTHROUGH__DEVICE, "device '" + dev.getName() + "' given to domain '" + d.getName()
							+ "' depends on '" + provider.getName() + "' (" + r.getProvider() + "), which stays with "
							+ (holder != null ? "domain '" + holder.getName() + "'" : "'" + dom0 + "'"));
					break;
				}
			}
		}
	}
}
