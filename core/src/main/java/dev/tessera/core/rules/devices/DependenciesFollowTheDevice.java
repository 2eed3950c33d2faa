package dev.tessera.core.rules.devices;

import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.DtReference;
import dev.tessera.model.FixedClock;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * What a passed-through device depends on must come along. A clock that is a fixed clock of the board does: the
 * partial device tree carries a copy. Any other clock (a clock controller's output) the guest's driver cannot get,
 * and is warned about as such; a power domain whose provider stays with another domain is warned about because
 * that domain can switch it off.
 */
public final class DependenciesFollowTheDevice extends Rule {
	static final RuleInfo INFO = new RuleInfo("device.dependency-elsewhere", Section.DEVICES, Severity.WARNING,
			"A device's power domains are not left with another domain",
			"A device passed through still needs its power domains on; the domain that keeps their provider can turn "
					+ "them off under it (a classic hang on the bench). Keep them on, or pass the provider along. Clocks "
					+ "are device.clock-unavailable's.");
	static final RuleInfo CLOCK = new RuleInfo("device.clock-unavailable", Section.DEVICES, Severity.WARNING,
			"A device passed through gets the clocks its binding needs",
			"A guest's device tree has only what its partial device tree gives it. A fixed clock of the board is copied "
					+ "into it (with the host's rate), but a clock from a clock controller is not: the controller stays with "
					+ "dom0 or the host, and the guest's driver cannot get the clock, so it does not bind (Linux's AMBA bus "
					+ "cannot even read a PrimeCell's id without apb_pclk); the controller's owner can also switch it off. "
					+ "Give the guest its clocks through firmware that serves guests (SCMI), or keep the device in the "
					+ "control domain.");

	public DependenciesFollowTheDevice() {
		super(INFO, CLOCK);
	}

	@Override
	public void check(System s, Findings out) {
		Board b = Walk.board(s);
		if (b == null) return;
		// the board's devices by path, only when a device passed through has a clock or a power domain: a board of
		// 10,000 devices is otherwise walked for nothing on each keystroke in the system
		boolean depends = false;
		for (PassedThrough x : Walk.passthroughs(s))
			if (!x.device().getClocks().isEmpty() || !x.device().getPowerDomains().isEmpty()) {
				depends = true;
				break;
			}
		if (!depends) return;
		Map<String, Device> byPath = new HashMap<>();
		for (Device dev : b.getDevices()) if (dev.getDtPath() != null) byPath.put(dev.getDtPath(), dev);
		Set<String> fixed = new HashSet<>();
		for (FixedClock c : b.getFixedClocks()) if (c.getDtPath() != null) fixed.add(c.getDtPath());
		Map<Device, Domain> owner = new HashMap<>();
		for (PassedThrough x : Walk.passthroughs(s)) owner.putIfAbsent(x.device(), x.domain());
		// what keeps a device no domain is given: dom0, or Xen when there is none
		String dom0 = Systems.dom0(s).map(d -> "dom0 '" + d.getName() + "'").orElse("Xen (the system has no dom0)");
		for (PassedThrough x : Walk.passthroughs(s)) {
			if (Systems.startOf(x.domain()) == Start.DOM0) continue;
			Device dev = x.device();
			clocks(x, dev, byPath, fixed, owner, dom0, out);
			for (DtReference r : dev.getPowerDomains()) {
				Device provider = byPath.get(r.getProvider());
				if (provider == null || provider == dev) continue;
				Domain holder = owner.get(provider);
				if (holder == x.domain()) continue;
				out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + dev.getName() + "' given to domain '"
						+ x.domain().getName() + "' has its power domain on '" + provider.getName() + "' (" + r.getProvider() + "), which stays with "
						+ (holder != null ? "domain '" + holder.getName() + "'" : dom0) + ", which can switch it off: keep it on, or give '"
						+ provider.getName() + "' to domain '" + x.domain().getName() + "' too");
				break;
			}
		}
	}

	/** One finding per device: its first clock that is no fixed clock of the board, and how many more there are. */
	private static void clocks(PassedThrough x, Device dev, Map<String, Device> byPath, Set<String> fixed, Map<Device, Domain> owner,
			String dom0, Findings out) {
		List<DtReference> missing = new ArrayList<>();
		for (DtReference r : dev.getClocks())
			if (r.getProvider() != null && !fixed.contains(r.getProvider())) missing.add(r);
		if (missing.isEmpty()) return;
		DtReference r = missing.get(0);
		int at = dev.getClocks().indexOf(r);
		String name = at < dev.getClockNames().size() ? " ('" + dev.getClockNames().get(at) + "')" : "";
		Device provider = byPath.get(r.getProvider());
		Domain holder = provider == null ? null : owner.get(provider);
		String from;
		if (provider == null)
			from = "which is no fixed clock of the board";
		else if (holder == x.domain())
			from = "from clock controller '" + provider.getName() + "', which the domain is given too, but a partial device tree "
					+ "carries only fixed clocks";
		else
			from = "from clock controller '" + provider.getName() + "', which stays with "
					+ (holder != null ? "domain '" + holder.getName() + "'" : dom0);
		String more = missing.size() > 1 ? " (and " + (missing.size() - 1) + " more clock(s) like it)" : "";
		String ownTree = x.domain().getDeviceTree() != null ? ", unless the domain's own device-tree provides it" : "";
		out.report(CLOCK, x.passthrough(), PASSTHROUGH__DEVICE, "device '" + dev.getName() + "' given to domain '" + x.domain().getName()
				+ "' needs clock " + ref(r) + name + " " + from + more + ": the guest's driver will not get it" + ownTree
				+ ". Give the guest the clock through firmware (SCMI), or keep '" + dev.getName() + "' in the control domain");
	}

	private static String ref(DtReference r) {
		StringBuilder s = new StringBuilder("\"").append(r.getProvider()).append('"');
		if (!r.getCells().isEmpty()) {
			s.append(" <");
			for (int i = 0; i < r.getCells().size(); i++) s.append(i > 0 ? " " : "").append(r.getCells().get(i));
			s.append('>');
		}
		return s.toString();
	}
}
