package dev.tessera.core.variant;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.model.AddDomain;
import dev.tessera.model.ChangeBoard;
import dev.tessera.model.ChangeDomain;
import dev.tessera.model.ChangeXen;
import dev.tessera.model.Device;
import dev.tessera.model.Passthrough;
import dev.tessera.model.RemoveDomain;
import dev.tessera.model.System;
import dev.tessera.model.Variant;
import dev.tessera.model.VariantChange;

/**
 * Changes of one variant that contradict each other, and variants that would write the same folder: reported on the
 * second of the two, naming the first, before anything is applied.
 */
final class VariantConflicts {
	private VariantConflicts() {
	}

	static void check(Variant v, Findings out) {
		ChangeBoard board = null;
		ChangeXen xen = null;
		Map<String, VariantChange> byDomain = new HashMap<>();
		for (VariantChange c : v.getChanges()) {
			if (c instanceof ChangeBoard b) {
				if (board != null)
					out.report(VariantRules.CONFLICT, b, CHANGE_BOARD__BOARD, "variant '" + v.getName() + "' changes the board twice: to '"
							+ name(board) + "' and to '" + name(b) + "'");
				board = b;
			} else if (c instanceof ChangeXen x) {
				if (xen != null)
					out.report(VariantRules.CONFLICT, x, CHANGE_XEN__VERSION, "variant '" + v.getName() + "' sets the Xen version twice: "
							+ xen.getVersion() + " and " + x.getVersion());
				xen = x;
			} else {
				String domain = domainOf(c);
				if (domain == null) continue;
				VariantChange first = byDomain.putIfAbsent(domain, c);
				if (first != null)
					out.report(VariantRules.CONFLICT, c, c instanceof AddDomain ? ADD_DOMAIN__DOMAIN : c instanceof RemoveDomain
							? REMOVE_DOMAIN__DOMAIN : CHANGE_DOMAIN__DOMAIN, first.getClass() == c.getClass()
									? "variant '" + v.getName() + "' " + verb(c) + " domain '" + domain + "' twice" + (c instanceof ChangeDomain
											? ": put both changes in one block" : "")
									: "variant '" + v.getName() + "' " + verb(first) + " domain '" + domain + "' and also " + verb(c) + " it: keep one of the two");
			}
			if (c instanceof ChangeDomain d) addedAndRemoved(v, d, out);
		}
	}

	/** Variants of one system named alike, or like the system: their output folders would be the same. */
	static void names(System system, Findings out) {
		Map<String, Variant> seen = new HashMap<>();
		for (Variant v : system.getVariants()) {
			if (v.getName() == null) continue;
			Variant first = seen.putIfAbsent(v.getName(), v);
			if (first != null)
				out.report(VariantRules.CONFLICT, v, NAMED__NAME, "system '" + system.getName() + "' has two variants named '" + v.getName()
						+ "': their outputs would be written to the same folder");
			else if (v.getName().equals(system.getName()))
				out.report(VariantRules.CONFLICT, v, NAMED__NAME, "variant '" + v.getName() + "' is named like its system, whose own outputs "
						+ "are written to the folder of that name: rename the variant");
		}
	}

	private static void addedAndRemoved(Variant v, ChangeDomain d, Findings out) {
		List<Device> removed = d.getRemovePassthrough();
		for (Passthrough p : d.getAddPassthrough())
			if (p.getDevice() != null && removed.contains(p.getDevice()))
				out.report(VariantRules.CONFLICT, d, CHANGE_DOMAIN__REMOVE_PASSTHROUGH, removed.indexOf(p.getDevice()), "variant '" + v.getName()
						+ "' both adds and removes the passthrough of '" + p.getDevice().getName() + "' to domain '" + d.getDomain() + "'");
	}

	private static String domainOf(VariantChange c) {
		if (c instanceof RemoveDomain r) return r.getDomain();
		if (c instanceof ChangeDomain d) return d.getDomain();
		if (c instanceof AddDomain a) return a.getDomain() == null ? null : a.getDomain().getName();
		return null;
	}

	private static String verb(VariantChange c) {
		return c instanceof RemoveDomain ? "removes" : c instanceof AddDomain ? "adds" : "changes";
	}

	private static String name(ChangeBoard b) {
		return b.getBoard() == null || b.getBoard().eIsProxy() ? "?" : b.getBoard().getName();
	}
}
