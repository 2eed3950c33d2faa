package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.*;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** The backend owns the hardware it serves: storage for disks, a NIC for vifs, a display or GPU, audio. */
public final class BackendOwnsTheHardware implements Rule {
	static final RuleInfo INFO = new RuleInfo("backend.owns-hardware", Severity.WARNING, "A backend owns the hardware it serves",
			"A driver domain serves a disk from a storage controller, a network from a NIC, a display from a display unit or GPU, "
					+ "sound from an audio device: it must be given that device (dom0 has every device no one else takes). Without "
					+ "one it can only serve from memory or on a bridge of its own, which is rarely what a product wants.");

	public RuleInfo info() {
		return INFO;
	}

	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends()) {
				Domain b = f.getBackend();
				if (b == null || b.eIsProxy() || Systems.startOf(b) == Start.DOM0) continue;
				Set<DeviceKind> need = f instanceof DiskFrontend ? EnumSet.of(DeviceKind.STORAGE)
						: f instanceof NetFrontend ? EnumSet.of(DeviceKind.NETWORK)
						: f instanceof DisplayFrontend ? EnumSet.of(DeviceKind.DISPLAY, DeviceKind.GPU)
						: f instanceof SoundFrontend ? EnumSet.of(DeviceKind.AUDIO) : EnumSet.noneOf(DeviceKind.class);
				if (need.isEmpty()) continue;
				boolean owns = b.getPassthrough().stream().anyMatch(p -> p.getDevice() != null && need.contains(p.getDevice().getKind()));
				if (!owns)
					out.report(INFO, f, FRONTEND__BACKEND, "domain '" + b.getName() + "' serves " + kind(f) + " to domain '" + d.getName()
							+ "' but owns no " + need.iterator().next().getLiteral() + " device: pass one through to it, unless it serves from memory or an internal bridge");
			}
	}

	static String kind(Frontend f) {
		return f instanceof DiskFrontend ? "a disk" : f instanceof NetFrontend ? "a network interface"
				: f instanceof DisplayFrontend ? "a display" : f instanceof SoundFrontend ? "sound" : "a device";
	}
}
