package dev.tessera.dsl.load;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;

/**
 * Tessera's resource: a {@link BomSkippingResource} whose URI fragments ({@code //@elements.0/@devices.4711}) cost
 * the same for the last device of a board as for the first. EMF finds an element's place in its list with
 * {@code indexOf}, so the fragments of all 10,000 devices of a board (the index asks for each when it exports their
 * names, and unloading the old version of the board sets each one's proxy URI, both on every keystroke in the
 * editor) cost 50 million comparisons. Here a long list's positions are looked up in a map built once per version
 * of the list; each answer is checked against the list before it is used, and the map is built again when the list
 * changed. The fragments are EMF's own, character for character.
 */
public class TesseraResource extends BomSkippingResource {
	/** Lists shorter than this are searched as EMF does. */
	private static final int INDEXED = 32;

	/** For each long list asked about: the position of each of its elements (identity, not equality). */
	private final Map<List<?>, Map<Object, Integer>> positions = new IdentityHashMap<>();

	@Override
	public String getURIFragment(EObject eObject) {
		String fragment = fragment(eObject);
		return fragment != null ? fragment : super.getURIFragment(eObject);
	}

	/** EMF's fragment of an element below a root of this resource, or null to let EMF work it out (roots, IDs, the rest). */
	private String fragment(EObject eObject) {
		if (!(eObject instanceof InternalEObject o) || o.eClass().getEIDAttribute() != null || o.eDirectResource() == this) return null;
		List<String> segments = new ArrayList<>();
		InternalEObject container = o.eInternalContainer();
		for (; container != null; container = o.eInternalContainer()) {
			EStructuralFeature feature = o.eContainingFeature();
			if (feature instanceof EReference r && r.isMany() && r.getEKeys().isEmpty() && container.eGet(feature, false) instanceof List<?> list)
				segments.add("@" + feature.getName() + "." + indexOf(list, o));
			else segments.add(container.eURIFragmentSegment(feature, o));
			o = container;
			if (container.eDirectResource() == this || unloadingContents != null && unloadingContents.contains(container)) break;
		}
		if (container == null) return null;
		StringBuilder sb = new StringBuilder("/").append(getURIFragmentRootSegment(container));
		for (int i = segments.size() - 1; i >= 0; i--) sb.append('/').append(segments.get(i));
		return sb.toString();
	}

	private int indexOf(List<?> list, Object element) {
		if (list.size() < INDEXED) return list.indexOf(element);
		synchronized (positions) {
			Map<Object, Integer> at = positions.get(list);
			Integer i = at == null ? null : at.get(element);
			if (i != null && i < list.size() && list.get(i) == element) return i;
			at = new IdentityHashMap<>(list.size() * 2);
			for (int k = 0; k < list.size(); k++) at.put(list.get(k), k);
			positions.put(list, at);
			i = at.get(element);
			return i != null ? i : -1;
		}
	}

	@Override
	protected void doUnload() {
		super.doUnload();
		synchronized (positions) {
			positions.clear();
		}
	}
}
