package dev.tessera.core.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.text.SafeText;
import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.model.Board;
import dev.tessera.model.System;
import dev.tessera.model.TesseraPackage;

/**
 * The text rules walk a model through {@link TextFields#forEach}, which reads each class's text attributes and
 * containments once, and check device-tree paths with a scan instead of a pattern. Here, on every shipped board and
 * example: the walk meets the same values in the same order as the walk over {@code eAllContents()} it replaced, and
 * {@link DtPathsValid} and {@link TextIsEmittable} report exactly what the code before reported (same findings, same
 * order), on the models as shipped and with text values broken on purpose so that they report something.
 */
class TextRulesOnShippedModelsTest {
	static final ModelLoader LOADER = new ModelLoader();

	record Value(EObject owner, EAttribute attribute, int index, String value) {
	}

	/** The walk before: eAllContents, every attribute of every element looked at. */
	static List<Value> before(EObject root) {
		List<Value> out = new ArrayList<>();
		visitBefore(root, out);
		for (var it = root.eAllContents(); it.hasNext();) {
			EObject o = it.next();
			if (o instanceof dev.tessera.model.Variant) it.prune();
			else visitBefore(o, out);
		}
		return out;
	}

	private static void visitBefore(EObject o, List<Value> out) {
		for (EAttribute a : o.eClass().getEAllAttributes()) {
			if (a.getEAttributeType() != EcorePackage.Literals.ESTRING || a == TesseraPackage.Literals.NAMED__NAME) continue;
			if (a == TesseraPackage.Literals.XEN_SETTINGS__VERSION) continue;
			Object v = o.eGet(a);
			if (v instanceof String str) out.add(new Value(o, a, -1, str));
			else if (v instanceof List<?> list)
				for (int i = 0; i < list.size(); i++)
					if (list.get(i) instanceof String str) out.add(new Value(o, a, i, str));
		}
	}

	static List<Value> now(EObject root, boolean pathsOnly) {
		List<Value> out = new ArrayList<>();
		TextFields.forEach(root, pathsOnly, (o, a, i, v) -> out.add(new Value(o, a, i, v)));
		return out;
	}

	private static final Pattern DT_PATH = Pattern.compile("/|(/[A-Za-z0-9,._+-]+(@[A-Za-z0-9,._+-]+)?)+");

	/** DtPathsValid and TextIsEmittable as they were, over the walk before and the pattern. */
	static Findings findingsBefore(EObject root) {
		Findings out = new Findings();
		List<Value> all = before(root);
		if (root instanceof Board)
			for (Value f : all) {
				String n = f.attribute().getName();
				if (!n.equals("dtPath") && !n.equals("provider")) continue;
				if (SafeText.firstUnsafe(f.value()) >= 0 || DT_PATH.matcher(f.value()).matches()) continue;
				out.report(DtPathsValid.INFO, f.owner(), f.attribute(), f.index(), TextFields.describe(f.owner(), f.attribute()) + " '"
						+ f.value() + "' is not a device-tree node path: start with '/', use letters, digits and ',._+-' in node names, and '@' "
						+ "before a unit address (\"/soc/serial@e6e88000\")");
			}
		for (Value f : all) {
			int i = SafeText.firstUnsafe(f.value());
			if (i >= 0)
				out.report(TextIsEmittable.INFO, f.owner(), f.attribute(), f.index(), TextFields.describe(f.owner(), f.attribute())
						+ " contains " + SafeText.describe(f.value().charAt(i)) + " at character " + (i + 1)
						+ ", which cannot be written into a boot script or config: remove it");
		}
		return out;
	}

	static Findings findingsNow(EObject root) {
		Findings out = new Findings();
		if (root instanceof Board b) {
			new DtPathsValid().check(b, out);
			new TextIsEmittable().check(b, out);
		} else if (root instanceof System s) {
			new DtPathsValid().check(s, out);
			new TextIsEmittable().check(s, out);
		}
		return out;
	}

	static List<Path> shippedModels() throws Exception {
		List<Path> files = new ArrayList<>();
		for (Path dir : List.of(Path.of("..", "boards"), Path.of("..", "examples")))
			try (Stream<Path> s = Files.walk(dir)) {
				s.filter(p -> p.toString().endsWith(".tess")).sorted().forEach(files::add);
			}
		return files;
	}

	@Test
	void sameValuesSameOrderSameFindingsOnEveryShippedModel() throws Exception {
		List<Path> files = shippedModels();
		assertTrue(files.size() > 10, "shipped models: " + files);
		int boards = 0, systems = 0, values = 0, paths = 0, broken = 0;
		for (Path p : files) {
			var loaded = LOADER.load(p);
			assertTrue(loaded.model() != null, p.toString());
			for (EObject element : loaded.model().getElements()) {
				if (!(element instanceof Board) && !(element instanceof System)) continue;
				if (element instanceof Board) boards++;
				else systems++;
				List<Value> before = before(element);
				assertEquals(before, now(element, false), p + ": the walk");
				List<Value> pathValues = before.stream()
						.filter(v -> v.attribute().getName().equals("dtPath") || v.attribute().getName().equals("provider")).toList();
				assertEquals(pathValues, now(element, true), p + ": the paths");
				for (Value v : pathValues) assertEquals(DT_PATH.matcher(v.value()).matches(), SafeText.validDtPath(v.value()), v.value());
				values += before.size();
				paths += pathValues.size();
				assertEquals(findingsBefore(element).all(), findingsNow(element).all(), p + ": findings as shipped");

				// the same on a copy with text broken on purpose: every path made invalid in one of several ways, every
				// fifth text value given a line break, a tab or a non-ASCII character
				EObject copy = EcoreUtil.copy(element);
				List<Value> values2 = before(copy);
				String[] badPaths = { "soc/uart", "/soc//uart", "/soc/uart@", "/soc/a@1@2", "/soc/uart/", "/so c" };
				String[] badText = { "\n", "\t", "\u00e9", "\u0007" };
				int k = 0;
				for (Value v : values2) {
					String name = v.attribute().getName();
					String replaced = name.equals("dtPath") || name.equals("provider") ? badPaths[k % badPaths.length]
							: k % 5 == 0 ? v.value() + badText[k / 5 % badText.length] : null;
					k++;
					if (replaced == null) continue;
					set(v, replaced);
				}
				Findings b = findingsBefore(copy), n = findingsNow(copy);
				assertEquals(b.all(), n.all(), p + ": findings with broken text");
				broken += n.all().size();
			}
		}
		assertTrue(boards >= 9 && systems >= 5, boards + " boards, " + systems + " systems");
		assertTrue(values > 1000 && paths > 100 && broken > 500, values + " values, " + paths + " paths, " + broken + " findings");
	}

	@SuppressWarnings("unchecked")
	private static void set(Value v, String s) {
		if (v.index() < 0) v.owner().eSet(v.attribute(), s);
		else ((List<Object>) v.owner().eGet(v.attribute())).set(v.index(), s);
	}

	@Test
	void aChangedPathGetsAFreshVerdict() throws Exception {
		Path board = shippedModels().stream().filter(p -> p.toString().contains("boards")).findFirst().orElseThrow();
		Board b = (Board) LOADER.load(board).model().getElements().stream().filter(Board.class::isInstance).findFirst().orElseThrow();
		Value first = now(b, true).get(0);
		assertFalse(findingsNow(b).all().stream().anyMatch(f -> f.source() == first.owner()), board.toString());
		set(first, first.value() + "//");
		assertTrue(findingsNow(b).all().stream().anyMatch(f -> f.source() == first.owner() && f.rule() == DtPathsValid.INFO));
		set(first, first.value());
		assertFalse(findingsNow(b).all().stream().anyMatch(f -> f.source() == first.owner()));
	}
}
