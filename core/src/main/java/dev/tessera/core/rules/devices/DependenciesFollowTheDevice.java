package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.DtReference;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** A device whose clocks or power domains come from a device that stays with another domain is warned about. */
public final class DependenciesFollowTheDevice extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.dependency-elsewhere", Section.DEVICES, Severity.WARNING,
			"A device's clocks and power domains are not left with another domain",
			"A device passed through still needs its clocks and power domains on; the domain that keeps their provider "
					+ "can turn them off under it (a classic hang on the bench). Keep them on, or pass the provider along.");

	public DependenciesFollowTheDevice() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		Map<String, Device> byPath = new HashMap<>();
		for (Device dev : b.getDevices()) if (dev.getDtPath() != null) byPath.put(dev.getDtPath(), dev);
		Map<Device, Domain> owner = new HashMap<>();
		for (PassedThrough x : Walk.passthroughs(s)) owner.putIfAbsent(x.device(), x.domain());
		String dom0 = Systems.dom0(s).map(Domain::getName).orElse("Xen");
		for (PassedThrough x : Walk.passthroughs(s)) {
			if (Systems.startOf(x.domain()) == Start.DOM0) continue;
			Device dev = x.device();
			List<DtReference> deps = new ArrayList<>(dev.getClocks());
			deps.addAll(dev.getPowerDomains());
			for (DtReference r : deps) {
				Device provider = byPath.get(r.getProvider());
				if (provider == null || provider == dev) continue;
				Domain holder = owner.get(provider);
				if (holder == x.domain()) continue;
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + dev.getName() + "' given to domain '"
						+ x.domain().getName() + "' depends on '" + provider.getName() + "' (" + r.getProvider() + "), which stays with "
						+ (holder != null ? "domain '" + holder.getName() + "'" : "'" + dom0 + "'"));
				break;
			}
		}
	}
}
