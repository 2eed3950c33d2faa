package dev.tessera.core.rules.backends;

import static dev.tessera.model.TesseraPackage.Literals.FRONTEND__BACKEND;

import java.util.EnumSet;
import java.util.Set;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.Served;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.DiskFrontend;
import dev.tessera.model.DisplayFrontend;
import dev.tessera.model.Frontend;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.SoundFrontend;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** The backend owns the hardware it serves: storage for disks, a NIC for vifs, a display or GPU, audio. */
public final class BackendOwnsTheHardware extends Rule {
	static final RuleInfo INFO = new RuleInfo("backend.owns-hardware", Section.BACKENDS, Severity.WARNING, "A backend owns the hardware it serves",
			"A driver domain serves a disk from a storage controller, a network from a NIC, a display from a display unit or GPU, "
					+ "sound from an audio device: it must be given that device (dom0 has every device no one else takes). Without "
					+ "one it can only serve from memory or on a bridge of its own, which is rarely what a product wants.");

	public BackendOwnsTheHardware() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Served x : Walk.frontends(s)) {
			Set<DeviceKind> need = hardware(x.frontend());
			if (need.isEmpty() || Systems.startOf(x.backend()) == Start.DOM0) continue;
			if (x.backend().getPassthrough().stream().noneMatch(p -> p.getDevice() != null && need.contains(p.getDevice().getKind())))
				out.report(INFO, x.frontend(), FRONTEND__BACKEND, "domain '" + x.backend().getName() + "' serves " + kind(x.frontend())
						+ " to domain '" + x.domain().getName() + "' but owns no " + String.join(" or ", need.stream().map(DeviceKind::getLiteral).toList())
						+ " device: pass one through to it, unless it serves from memory or an internal bridge");
		}
	}

	/** The kinds of device a backend serves a frontend from (any one of them). */
	static Set<DeviceKind> hardware(Frontend f) {
		return f instanceof DiskFrontend ? EnumSet.of(DeviceKind.STORAGE)
				: f instanceof NetFrontend ? EnumSet.of(DeviceKind.NETWORK)
				: f instanceof DisplayFrontend ? EnumSet.of(DeviceKind.DISPLAY, DeviceKind.GPU)
				: f instanceof SoundFrontend ? EnumSet.of(DeviceKind.AUDIO) : EnumSet.noneOf(DeviceKind.class);
	}

	static String kind(Frontend f) {
		return f instanceof DiskFrontend ? "a disk" : f instanceof NetFrontend ? "a network interface"
				: f instanceof DisplayFrontend ? "a display" : f instanceof SoundFrontend ? "sound" : "a device";
	}
}
