package dev.tessera.core.rules.links;

import static dev.tessera.model.TesseraPackage.Literals.EVENT_CHANNEL__A;
import static dev.tessera.model.TesseraPackage.Literals.EVENT_CHANNEL__APORT;
import static dev.tessera.model.TesseraPackage.Literals.EVENT_CHANNEL__B;
import static dev.tessera.model.TesseraPackage.Literals.EVENT_CHANNEL__BPORT;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.EventChannel;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * Static event channels as Xen reads them (docs/misc/arm/device-tree/booting.txt, "Static Event Channel"): between
 * domains Xen creates at boot or dom0, with their PV interfaces on, each port used once per domain.
 */
public final class EventChannelsAreValid extends Rule {
	static final RuleInfo INFO = new RuleInfo("evtchn.valid", Section.EVENT_CHANNELS, Severity.ERROR,
			"Static event channels link two domains started at boot, on free ports",
			"Xen sets up static event channels only for dom0 and the domains it creates at boot, and only for domUs with "
					+ "their event-channel interface on (xen-enhanced); a channel links two different domains; a local port is used "
					+ "once per domain, from 1 to 4095 (the 2-level ABI's limit).");

	public EventChannelsAreValid() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Map<Domain, Map<Integer, EventChannel>> used = new HashMap<>();
		for (EventChannel e : s.getEventChannels()) {
			end(out, e, e.getA(), e.getAPort(), EVENT_CHANNEL__A, EVENT_CHANNEL__APORT, used);
			end(out, e, e.getB(), e.getBPort(), EVENT_CHANNEL__B, EVENT_CHANNEL__BPORT, used);
			if (e.getA() != null && e.getA() == e.getB())
				out.report(INFO, e, EVENT_CHANNEL__B, "event channel '" + e.getName() + "' links domain '" + e.getA().getName()
						+ "' with itself: link two domains");
		}
	}

	private static void end(Findings out, EventChannel e, Domain d, int port, EStructuralFeature domainFeature,
			EStructuralFeature portFeature, Map<Domain, Map<Integer, EventChannel>> used) {
		if (d == null || d.eIsProxy()) return;
		Start start = Systems.startOf(d);
		if (start == Start.XL)
			out.report(INFO, e, domainFeature, "event channel '" + e.getName() + "' needs domain '" + d.getName()
					+ "' started at boot (or dom0): xl domains bind event channels at run time");
		else if (start == Start.BOOT && !d.isEnhanced())
			out.report(INFO, e, domainFeature, "event channel '" + e.getName() + "' needs Xen's PV interfaces in domain '"
					+ d.getName() + "': add 'xen-enhanced' to it");
		if (port < 1 || port > 4095)
			out.report(INFO, e, portFeature, "port " + port + " of event channel '" + e.getName() + "' is outside 1-4095");
		EventChannel first = used.computeIfAbsent(d, k -> new HashMap<>()).putIfAbsent(port, e);
		if (first != null && first != e)
			out.report(INFO, e, portFeature, "port " + port + " of domain '" + d.getName() + "' is used by event channels '"
					+ first.getName() + "' and '" + e.getName() + "'");
	}
}
