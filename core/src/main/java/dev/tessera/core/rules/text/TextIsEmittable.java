package dev.tessera.core.rules.text;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.SafeText;
import dev.tessera.model.Board;
import dev.tessera.model.System;

/**
 * Text Tessera writes into device trees, U-Boot scripts, xl configs, xen.cfg and dom0's scripts must be representable
 * in all of them: quotes and backslashes are escaped, but none of the formats can carry a line break. Every text value
 * of the language is checked: command lines, file names, paths, bridges, cards, notes.
 */
public final class TextIsEmittable extends Rule {
	static final RuleInfo INFO = new RuleInfo("text.unsafe", Section.TEXT, Severity.ERROR,
			"Text fits on one line, in ASCII",
			"A line break or control character in any text (a command line, a file name, a path, a bridge) would cut a "
					+ "U-Boot command, an xl setting or a xen.cfg line in two: the rest would be run or read as something else. "
					+ "xen.cfg and U-Boot's console take ASCII only.");

	public TextIsEmittable() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		TextFields.forEach(s, false, (owner, attribute, index, value) -> check(owner, attribute, index, value, out));
	}

	@Override
	public void check(Board b, Findings out) {
		TextFields.forEach(b, false, (owner, attribute, index, value) -> check(owner, attribute, index, value, out));
	}

	private static void check(EObject owner, EAttribute attribute, int index, String value, Findings out) {
		int i = SafeText.firstUnsafe(value);
		if (i >= 0)
			out.report(INFO, owner, attribute, index, TextFields.describe(owner, attribute) + " contains "
					+ SafeText.describe(value.charAt(i)) + " at character " + (i + 1)
					+ ", which cannot be written into a boot script or config: remove it");
	}
}
