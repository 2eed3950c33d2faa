package dev.tessera.core.rules.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.impl.EClassImpl;

import dev.tessera.model.Board;
import dev.tessera.model.BootFile;
import dev.tessera.model.DtReference;
import dev.tessera.model.Named;
import dev.tessera.model.System;
import dev.tessera.model.TesseraPackage;

/**
 * Every text value of a system and its board, with where it is and what it is called in a message: the one walk the
 * text rules share, so that a text field added to the language is checked without anyone listing it.
 */
final class TextFields {
	/** "XenSettings" → "Xen Settings": the words of a class name. */
	private static final Pattern WORDS = Pattern.compile("([a-z])([A-Z])");

	private TextFields() {
	}

	/**
	 * One text value as the walk meets it: the object and attribute it is in, its index in a list attribute (-1 for a
	 * single one). What it is called in a message ({@link #describe}) is worked out only for a finding: a
	 * 10,000-device board has 40,000 text values.
	 */
	@FunctionalInterface
	interface Visitor {
		void accept(EObject owner, EAttribute attribute, int index, String value);
	}

	/**
	 * Every text value under {@code root} (root first, then its contents depth first in the order of
	 * {@link EObject#eAllContents()}, a variant's left out), or with {@code pathsOnly} only its device-tree paths
	 * ({@code dtPath}, {@code provider}), in the same order. What is read of each class (its text attributes, its
	 * containments) is worked out once per class, not once per element: a 10,000-device board is walked by two rules
	 * on each keystroke in the editor.
	 */
	static void forEach(EObject root, boolean pathsOnly, Visitor out) {
		visit(root, shape(root.eClass()), pathsOnly, out);
		walk(root, pathsOnly, out);
	}

	private static void walk(EObject parent, boolean pathsOnly, Visitor out) {
		// eAllContents' order: each containment of the class in EMF's own order (the one eContents() follows), a list's
		// elements in order, each element before its own contents
		for (EReference r : shape(parent.eClass()).containments) {
			if (r.isMany()) {
				List<?> list = (List<?>) parent.eGet(r);
				for (int i = 0; i < list.size(); i++)
					if (list.get(i) instanceof EObject child) enter(child, pathsOnly, out);
			} else if (parent.eGet(r) instanceof EObject child) enter(child, pathsOnly, out);
		}
	}

	private static void enter(EObject o, boolean pathsOnly, Visitor out) {
		// a variant's text is checked where the variant puts it, in the variant's own system
		if (o instanceof dev.tessera.model.Variant) return;
		visit(o, shape(o.eClass()), pathsOnly, out);
		walk(o, pathsOnly, out);
	}

	private static void visit(EObject o, Shape shape, boolean pathsOnly, Visitor out) {
		for (EAttribute a : pathsOnly ? shape.paths : shape.texts) {
			Object v = o.eGet(a);
			if (v instanceof String str) out.accept(o, a, -1, str);
			else if (v instanceof List<?> list)
				for (int i = 0; i < list.size(); i++)
					if (list.get(i) instanceof String str) out.accept(o, a, i, str);
		}
	}

	/** What the walk reads of a class: its text attributes, those of them that are device-tree paths, its containments. */
	private record Shape(EAttribute[] texts, EAttribute[] paths, EReference[] containments) {
	}

	private static final Map<EClass, Shape> SHAPES = new ConcurrentHashMap<>();

	private static Shape shape(EClass c) {
		Shape s = SHAPES.get(c);
		if (s == null) SHAPES.put(c, s = shapeOf(c));
		return s;
	}

	private static Shape shapeOf(EClass c) {
		List<EAttribute> texts = new ArrayList<>();
		for (EAttribute a : c.getEAllAttributes()) {
			if (a.getEAttributeType() != EcorePackage.Literals.ESTRING || a == TesseraPackage.Literals.NAMED__NAME) continue;
			// the Xen version is a version literal the grammar checks
			if (a == TesseraPackage.Literals.XEN_SETTINGS__VERSION) continue;
			texts.add(a);
		}
		EAttribute[] paths = texts.stream().filter(a -> a.getName().equals("dtPath") || a.getName().equals("provider"))
				.toArray(EAttribute[]::new);
		// the containments eContents() iterates, in its order
		EStructuralFeature[] features = ((EClassImpl.FeatureSubsetSupplier) c.getEAllStructuralFeatures()).containments();
		EReference[] containments = features == null ? new EReference[0]
				: java.util.Arrays.stream(features).map(EReference.class::cast).toArray(EReference[]::new);
		return new Shape(texts.toArray(EAttribute[]::new), paths, containments);
	}

	/** "the command line of domain 'guest'", "the bridge of a vif of domain 'guest'", "the path of device 'uart0'". */
	static String describe(EObject o, EAttribute a) {
		String field = switch (a.getName()) {
			case "cmdline" -> "the command line";
			case "dtPath" -> "the device-tree path";
			case "deviceTree" -> "the device tree";
			case "loadCommand" -> "the load command";
			case "provider" -> "the provider path";
			case "sources" -> "a source";
			case "compatible" -> "a compatible string";
			case "clockNames" -> "a clock name";
			case "outputNames" -> "an output name";
			case "coreType" -> "the core type";
			case "vdev" -> "the disk name";
			case "mac" -> "the MAC address";
			// the model's other attributes read as words already: note, description, target, format, card, tag, type, path ...
			default -> "the " + a.getName();
		};
		return field + " of " + owner(o);
	}

	static String owner(EObject o) {
		if (o instanceof BootFile f && o.eContainer() != null) {
			String role = o.eContainingFeature().getName();
			String kind = switch (role) {
				case "image" -> "Xen's image";
				case "deviceTree" -> "the device-tree file";
				default -> "the " + role + " file";
			};
			return kind + (o.eContainer() instanceof Named n ? " of domain '" + n.getName() + "'" : "");
		}
		if (o instanceof DtReference && o.eContainer() instanceof Named n) {
			String list = switch (o.eContainingFeature().getName()) {
				case "clocks" -> "a clock";
				case "powerDomains" -> "a power domain";
				case "resets" -> "a reset";
				case "interruptsVia" -> "an irq-via reference";
				default -> "a reference";
			};
			return list + " of " + n.eClass().getName().toLowerCase(java.util.Locale.ROOT) + " '" + n.getName() + "'";
		}
		String kind = WORDS.matcher(o.eClass().getName()).replaceAll("$1 $2").toLowerCase(java.util.Locale.ROOT)
				.replace("frontend", "").replace("xen settings", "Xen's settings").replace("boot settings", "the boot settings").strip();
		kind = switch (kind) {
			case "net" -> "vif";
			case "nine p" -> "p9 share";
			case "sound" -> "sound card";
			case "virtio" -> "virtio device";
			default -> kind;
		};
		String self = o instanceof Named n && n.getName() != null ? kind + " '" + n.getName() + "'" : kind;
		EObject c = o.eContainer();
		if (!(o instanceof Named) && c instanceof Named n && !(c instanceof System) && !(c instanceof Board))
			return "a " + self + " of " + c.eClass().getName().toLowerCase(java.util.Locale.ROOT) + " '" + n.getName() + "'";
		return self;
	}
}
