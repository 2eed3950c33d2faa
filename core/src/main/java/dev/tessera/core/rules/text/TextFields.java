package dev.tessera.core.rules.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EcorePackage;

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
	/**
	 * One text value: the object and attribute it is in, its index in a list attribute (-1 for a single one). What it
	 * is called in a message is worked out only for a finding: a 10,000-device board has 40,000 text values.
	 */
	record Field(EObject owner, EAttribute attribute, int index, String value) {
		String what() {
			return describe(owner, attribute);
		}
	}

	/** "XenSettings" → "Xen Settings": the words of a class name. */
	private static final Pattern WORDS = Pattern.compile("([a-z])([A-Z])");

	private TextFields() {
	}

	static List<Field> of(System s) {
		List<Field> out = new ArrayList<>();
		walk(s, out::add);
		return out;
	}

	static List<Field> of(Board b) {
		List<Field> out = new ArrayList<>();
		walk(b, out::add);
		return out;
	}

	private static void walk(EObject root, Consumer<Field> out) {
		visit(root, out);
		for (var it = root.eAllContents(); it.hasNext();) {
			EObject o = it.next();
			// a variant's text is checked where the variant puts it, in the variant's own system
			if (o instanceof dev.tessera.model.Variant) it.prune();
			else visit(o, out);
		}
	}

	private static void visit(EObject o, Consumer<Field> out) {
		for (EAttribute a : o.eClass().getEAllAttributes()) {
			if (a.getEAttributeType() != EcorePackage.Literals.ESTRING || a == TesseraPackage.Literals.NAMED__NAME) continue;
			// the Xen version is a version literal the grammar checks
			if (a == TesseraPackage.Literals.XEN_SETTINGS__VERSION) continue;
			Object v = o.eGet(a);
			if (v instanceof String str) out.accept(new Field(o, a, -1, str));
			else if (v instanceof List<?> list)
				for (int i = 0; i < list.size(); i++)
					if (list.get(i) instanceof String str) out.accept(new Field(o, a, i, str));
		}
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
