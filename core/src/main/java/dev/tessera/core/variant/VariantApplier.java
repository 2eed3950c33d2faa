package dev.tessera.core.variant;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;

import dev.tessera.core.diag.Findings;
import dev.tessera.model.AddDomain;
import dev.tessera.model.Board;
import dev.tessera.model.ChangeBoard;
import dev.tessera.model.ChangeDomain;
import dev.tessera.model.ChangeXen;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.GpuShare;
import dev.tessera.model.Named;
import dev.tessera.model.Passthrough;
import dev.tessera.model.RemoveDomain;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFactory;
import dev.tessera.model.Variant;
import dev.tessera.model.VariantChange;
import dev.tessera.model.XenSettings;

/**
 * Makes a variant's system: a copy of the base system (EMF's copier, so references between copied elements follow the
 * copy) with the variant's changes made to it. The board changes first, so everything else is read on the board the
 * variant runs on. The base system is never changed.
 */
public final class VariantApplier {
	private VariantApplier() {
	}

	public static AppliedVariant apply(System base, Variant variant) {
		EcoreUtil.Copier copier = new EcoreUtil.Copier();
		System copy = (System) copier.copy(base);
		copier.copyReferences();
		// the copy lies in a resource of its own named like the system's file, so rules that ask which file a board is
		// in see the variant's system where the system is
		if (base.eResource() != null) new ResourceImpl(base.eResource().getURI()).getContents().add(copy);
		Origins origins = new Origins(variant, copy);
		copier.forEach((original, c) -> origins.copied(original, c));

		Findings out = new Findings();
		// conflicting changes are reported, and the changes still applied: what else is wrong with them shows too
		VariantConflicts.check(variant, out);
		for (VariantChange c : variant.getChanges())
			if (c instanceof ChangeBoard b) changeBoard(copy, b, out, origins);
		for (VariantChange c : variant.getChanges()) {
			EObject copied = copier.get(c);
			if (c instanceof ChangeXen x) changeXen(copy, x, origins);
			else if (c instanceof RemoveDomain r) removeDomain(copy, r, out);
			else if (c instanceof ChangeDomain d) changeDomain(copy, d, (ChangeDomain) copied, out, origins);
			else if (c instanceof AddDomain a) addDomain(copy, a, (AddDomain) copied, out);
		}
		copy.getVariants().clear();
		return new AppliedVariant(variant, copy, List.copyOf(out.all()), origins);
	}

	private static void changeBoard(System copy, ChangeBoard change, Findings out, Origins origins) {
		Board to = change.getBoard();
		Board from = copy.getBoard();
		if (to == null || to.eIsProxy() || to == from) return; // an unresolved name is a link error already
		copy.setBoard(to);
		origins.changed(copy, SYSTEM__BOARD, change, CHANGE_BOARD__BOARD);
		if (from == null || from.eIsProxy()) return;
		// what the system names on the old board (the console, passthroughs, GPUs) is looked up by name on the new one
		List<EObject> holders = new ArrayList<>();
		holders.add(copy);
		copy.eAllContents().forEachRemaining(holders::add);
		for (EObject holder : holders)
			for (EReference ref : holder.eClass().getEAllReferences()) {
				if (ref.isContainment() || ref.isContainer() || ref.isDerived() || !ref.isChangeable() || ref == SYSTEM__BOARD) continue;
				if (ref.isMany()) {
					@SuppressWarnings("unchecked")
					List<EObject> values = (List<EObject>) holder.eGet(ref);
					for (int i = 0; i < values.size(); i++) {
						EObject moved = onBoard(values.get(i), from, to, holder, change, out);
						if (moved != null) values.set(i, moved);
					}
				} else {
					EObject moved = onBoard((EObject) holder.eGet(ref), from, to, holder, change, out);
					if (moved != null) holder.eSet(ref, moved);
				}
			}
	}

	/** The element of the new board named like {@code value} of the old one; null when value is not on the old board. */
	private static EObject onBoard(EObject value, Board from, Board to, EObject holder, ChangeBoard change, Findings out) {
		if (value == null || value == from || !EcoreUtil.isAncestor(from, value)) return null;
		String name = value instanceof Named n ? n.getName() : null;
		for (var it = to.eAllContents(); it.hasNext();) {
			EObject candidate = it.next();
			if (candidate.eClass() == value.eClass() && candidate instanceof Named n && name != null && name.equals(n.getName())) return candidate;
		}
		out.report(VariantRules.BOARD_LACKS, change, CHANGE_BOARD__BOARD, "variant '" + variantOf(change) + "': board '" + to.getName() + "' has no "
				+ Describe.kind(value) + " '" + name + "', which " + Describe.holder(holder) + " names");
		return null;
	}

	/** The name of the variant a change belongs to, for messages. */
	private static String variantOf(VariantChange change) {
		return ((Variant) change.eContainer()).getName();
	}

	private static void changeXen(System copy, ChangeXen change, Origins origins) {
		XenSettings xen = copy.getXen();
		if (xen == null) {
			xen = TesseraFactory.eINSTANCE.createXenSettings();
			copy.setXen(xen);
		}
		xen.setVersion(change.getVersion());
		origins.changed(xen, XEN_SETTINGS__VERSION, change, CHANGE_XEN__VERSION);
	}

	private static void removeDomain(System copy, RemoveDomain change, Findings out) {
		Domain d = DomainNames.find(copy, change.getDomain(), change, REMOVE_DOMAIN__DOMAIN, out);
		if (d == null) return;
		List<String> users = new ArrayList<>();
		for (EStructuralSetting use : EStructuralSetting.usages(d, copy)) users.add(Describe.holder(use.holder()));
		if (!users.isEmpty()) {
			out.report(VariantRules.STILL_USED, change, REMOVE_DOMAIN__DOMAIN, "variant '" + variantOf(change) + "' removes domain '" + d.getName() + "', but "
					+ String.join(", ", users.stream().distinct().toList()) + " still name" + (users.size() == 1 ? "s" : "") + " it");
			return;
		}
		EcoreUtil.remove(d);
	}

	private static void changeDomain(System copy, ChangeDomain change, ChangeDomain copied, Findings out, Origins origins) {
		Domain d = DomainNames.find(copy, change.getDomain(), change, CHANGE_DOMAIN__DOMAIN, out);
		if (d == null) return;
		origins.touched(d, change);
		if (change.isSetMemory()) {
			d.setMemory(change.getMemory());
			origins.changed(d, DOMAIN__MEMORY, change, CHANGE_DOMAIN__MEMORY);
		}
		if (change.isSetVcpus()) {
			d.setVcpus(change.getVcpus());
			origins.changed(d, DOMAIN__VCPUS, change, CHANGE_DOMAIN__VCPUS);
		}
		if (change.isSetCmdline()) {
			d.setCmdline(change.getCmdline());
			origins.changed(d, DOMAIN__CMDLINE, change, CHANGE_DOMAIN__CMDLINE);
		}
		List<Device> removed = copied.getRemovePassthrough();
		for (int i = 0; i < removed.size(); i++) {
			Device dev = removed.get(i);
			Passthrough p = d.getPassthrough().stream().filter(x -> x.getDevice() == dev).findFirst().orElse(null);
			if (p != null) EcoreUtil.remove(p);
			else if (dev != null && !dev.eIsProxy())
				out.report(VariantRules.UNKNOWN_PASSTHROUGH, change, CHANGE_DOMAIN__REMOVE_PASSTHROUGH, i,
						"variant '" + variantOf(change) + "': domain '" + d.getName() + "' passes no device '" + dev.getName() + "' through");
		}
		// the added passthroughs move over; the copier still knows them as the variant's, so findings land there
		d.getPassthrough().addAll(new ArrayList<>(copied.getAddPassthrough()));
	}

	private static void addDomain(System copy, AddDomain change, AddDomain copied, Findings out) {
		Domain added = copied.getDomain();
		if (added == null) return;
		if (copy.getDomains().stream().anyMatch(d -> d.getName() != null && d.getName().equals(added.getName()))) {
			out.report(VariantRules.CONFLICT, change.getDomain(), NAMED__NAME, "variant '" + variantOf(change) + "' adds domain '" + added.getName()
					+ "', which the system already has: change it with 'domain " + added.getName() + " { ... }' instead");
			return;
		}
		copy.getDomains().add(added);
	}

	/** What a GPU share or any named element is called in the language, for messages. */
	static final class Describe {
		static String kind(EObject o) {
			return switch (o.eClass().getName()) {
				case "Device" -> "device";
				case "Cpu" -> "cpu";
				case "CpuCluster" -> "cluster";
				case "DisplayConnector" -> "connector";
				default -> o.eClass().getName().toLowerCase(java.util.Locale.ROOT);
			};
		}

		static String holder(EObject o) {
			for (EObject e = o; e != null; e = e.eContainer()) {
				if (e instanceof GpuShare g) return "gpu " + (g.getDevice() == null ? "?" : g.getDevice().getName());
				if (e instanceof System s) return "system '" + s.getName() + "'";
				if (e instanceof XenSettings) return "xen";
				if (e instanceof Named n) return keyword(e) + " '" + n.getName() + "'";
			}
			return "the system";
		}

		private static String keyword(EObject e) {
			return switch (e.eClass().getName()) {
				case "SharedMemory" -> "shared-memory";
				case "EventChannel" -> "event-channel";
				default -> kind(e);
			};
		}
	}

	/** One reference to an element from elsewhere in the copy (not from inside the element itself). */
	record EStructuralSetting(EObject holder, EReference reference) {
		static List<EStructuralSetting> usages(EObject target, System copy) {
			List<EStructuralSetting> out = new ArrayList<>();
			for (var s : EcoreUtil.UsageCrossReferencer.find(target, copy)) {
				EObject holder = s.getEObject();
				if (holder == target || EcoreUtil.isAncestor(target, holder) || insideAVariant(holder)) continue;
				if (s.getEStructuralFeature() instanceof EReference r && !r.isContainment() && !r.isContainer())
					out.add(new EStructuralSetting(holder, r));
			}
			return out;
		}

		private static boolean insideAVariant(EObject o) {
			for (EObject e = o; e != null; e = e.eContainer()) if (e instanceof Variant) return true;
			return false;
		}
	}
}
