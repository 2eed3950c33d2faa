package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.NET_FRONTEND__BRIDGE;
import static dev.tessera.model.TesseraPackage.Literals.NET_FRONTEND__MAC;
import static dev.tessera.model.TesseraPackage.Literals.NINE_PFRONTEND__PATH;
import static dev.tessera.model.TesseraPackage.Literals.SOUND_FRONTEND__CARD;
import static dev.tessera.model.TesseraPackage.Literals.VIRTIO_FRONTEND__TYPE;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.SafeText;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.NinePFrontend;
import dev.tessera.model.SoundFrontend;
import dev.tessera.model.System;
import dev.tessera.model.VirtioFrontend;

/**
 * xl reads a device spec ("backend=domd, bridge=xenbr0, mac=...") by splitting it at every ',' (tools/xl/xl_parse.c:
 * strtok on vif, vsnd, p9 and virtio specs) with no escape: a ',' inside a value starts a new key, so a bridge
 * "br0,script=/bin/x" would make the backend run a program. A disk's target is the exception (libxlu_disk_l.l: target=
 * takes the rest of the spec), and a virtio type is read as "virtio," plus one more part (xl_parse.c, parse_virtio_list).
 */
public final class XlSpecCanCarry extends Rule {
	static final RuleInfo INFO = new RuleInfo("text.xl-spec", Section.TEXT, Severity.ERROR,
			"xl reads every device spec value as one value",
			"xl splits a device spec at every ',' with no way to escape it: a ',' in a bridge, MAC, sound card or p9 path "
					+ "would add a key of its own (bridge \"br0,script=/bin/x\" makes the backend run a program). A virtio type "
					+ "is read as 'virtio,' and one more part, so it is 'virtio,<name>', the name of letters, digits and '._+-'.");

	public XlSpecCanCarry() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends()) {
				if (f instanceof NetFrontend n) {
					comma(out, f, NET_FRONTEND__BRIDGE, n.getBridge(), "bridge", d);
					comma(out, f, NET_FRONTEND__MAC, n.getMac(), "MAC address", d);
				} else if (f instanceof SoundFrontend x) comma(out, f, SOUND_FRONTEND__CARD, x.getCard(), "card name", d);
				else if (f instanceof NinePFrontend x) comma(out, f, NINE_PFRONTEND__PATH, x.getPath(), "path", d);
				else if (f instanceof VirtioFrontend v && v.getType() != null && !validVirtioType(v.getType()))
					out.report(INFO, f, VIRTIO_FRONTEND__TYPE, "the virtio type '" + v.getType() + "' of domain '" + d.getName()
							+ "' is not one xl reads back: write 'virtio,<name>' (the device's compatible, e.g. \"virtio,device22\"), "
							+ "with letters, digits and '._+-' in the name");
			}
	}

	/** xl joins "type=virtio" with the next ','-part only: "virtio," and one part without ',' or white space. */
	static boolean validVirtioType(String t) {
		return t.matches("virtio,[A-Za-z0-9._+-]+");
	}

	private static void comma(Findings out, EObject at, EStructuralFeature f, String value, String what, Domain d) {
		int i = SafeText.xlSpecSeparator(value);
		if (i >= 0)
			out.report(INFO, at, f, "the " + what + " '" + value + "' of domain '" + d.getName() + "' has a ',' at character "
					+ (i + 1) + ": xl splits its device spec there and reads the rest as another key");
	}
}
