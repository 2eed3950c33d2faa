package dev.tessera.dsl.ide.codeactions;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.tessera.dsl.scoping.Candidates;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.Passthrough;
import dev.tessera.model.System;

/**
 * Quick fixes for rules of the catalogue that new users meet on a shipped board, beyond the first five: a device
 * that cannot be passed through (Xen's, disabled, to dom0), the boot CPU in a cpupool, PV devices of a dom0less
 * domain without its PV interfaces, a domain name used twice, a passed-through device without the devices it needs.
 */
final class CatalogueFixes {
	private CatalogueFixes() {
	}

	static List<CodeAction> of(String code, EObject at, TesseraCodeActions.Fixes f) {
		List<CodeAction> out = new ArrayList<>();
		switch (code) {
		case "device.xen-owned", "device.disabled", "device.passthrough-dom0" -> {
			Passthrough p = EcoreUtil2.getContainerOfType(at, Passthrough.class);
			Domain d = p == null ? null : EcoreUtil2.getContainerOfType(p, Domain.class);
			if (p == null || d == null || p.getDevice() == null) break;
			String name = NodeModelUtils.getTokenText(TesseraCodeActions.first(p, PASSTHROUGH__DEVICE));
			Device other = code.equals("device.passthrough-dom0") ? null : sameKindThatFits(p);
			if (other != null)
				out.add(f.action("Pass '" + other.getName() + "' through instead", List.of(f.replace(TesseraCodeActions.first(p, PASSTHROUGH__DEVICE), other.getName()))));
			out.add(f.action("Remove '" + name + "' from domain '" + d.getName() + "'", f.removeListItem(p)));
		}
		case "cpupool.boot-cpu" -> {
			CpuRange r = EcoreUtil2.getContainerOfType(at, CpuRange.class);
			if (r == null || !(r.eContainer() instanceof Cpupool pool)) break;
			int last = r.isSetLast() ? r.getLast() : r.getFirst();
			if (r.getFirst() != 0) break;
			if (last == 0) out.add(f.action("Remove CPU 0 from cpupool '" + pool.getName() + "'", f.removeListItem(r)));
			else out.add(f.action("Leave CPU 0 in Pool-0 (" + (last == 1 ? "1" : "1-" + last) + ")",
					List.of(f.replace(NodeModelUtils.getNode(r), last == 1 ? "1" : "1-" + last))));
		}
		case "frontend.dom0less-pv" -> {
			Domain d = EcoreUtil2.getContainerOfType(at, Domain.class);
			if (d != null && !d.isEnhanced())
				out.add(f.action("Enable the PV interfaces of domain '" + d.getName() + "' (xen-enhanced)", List.of(f.addProperty(d, "xen-enhanced"))));
		}
		case "device.needs" -> {
			Passthrough p = EcoreUtil2.getContainerOfType(at, Passthrough.class);
			Domain d = p == null ? null : EcoreUtil2.getContainerOfType(p, Domain.class);
			System s = d == null ? null : EcoreUtil2.getContainerOfType(d, System.class);
			if (p == null || s == null || p.getDevice() == null || p.getDevice().eIsProxy()) break;
			java.util.Set<Device> given = new java.util.HashSet<>();
			for (Domain x : s.getDomains())
				for (Passthrough q : x.getPassthrough()) if (q.getDevice() != null) given.add(q.getDevice());
			List<String> add = new ArrayList<>();
			for (Device n : dev.tessera.core.rules.devices.PassedWithWhatItNeeds.closure(p.getDevice()))
				if (!given.contains(n)) add.add(n.getName());
			if (add.isEmpty()) break;
			String text = NodeModelUtils.getTokenText(NodeModelUtils.getNode(p));
			out.add(f.action("Pass " + String.join(", ", add) + " to domain '" + d.getName() + "' too",
					List.of(f.replace(NodeModelUtils.getNode(p), text + ", " + String.join(", ", add)))));
		}
		case "domain.name-unique" -> {
			Domain d = EcoreUtil2.getContainerOfType(at, Domain.class);
			System s = d == null ? null : EcoreUtil2.getContainerOfType(d, System.class);
			if (s == null || d.getName() == null) break;
			String name = unique(s, d.getName());
			out.add(f.action("Rename this domain to '" + name + "'", List.of(f.replace(TesseraCodeActions.first(d, NAMED__NAME), name))));
		}
		default -> {
		}
		}
		out.removeIf(a -> a == null);
		return out;
	}

	/** A device of the board of the same kind as the one passed through that a rule would accept there. */
	static Device sameKindThatFits(Passthrough p) {
		System s = EcoreUtil2.getContainerOfType(p, System.class);
		if (s == null || s.getBoard() == null || s.getBoard().eIsProxy() || p.getDevice().eIsProxy()) return null;
		for (Device d : s.getBoard().getDevices())
			if (d != p.getDevice() && d.getKind() == p.getDevice().getKind() && Candidates.fits(p, PASSTHROUGH__DEVICE, d)) return d;
		return null;
	}

	static String unique(System s, String name) {
		for (int i = 2;; i++) {
			String n = name + i;
			if (s.getDomains().stream().noneMatch(d -> n.equals(d.getName()))) return n;
		}
	}
}
