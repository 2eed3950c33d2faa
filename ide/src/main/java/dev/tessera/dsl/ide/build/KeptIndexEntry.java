package dev.tessera.dsl.ide.build;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.BuildContext;
import org.eclipse.xtext.build.Indexer;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;

/**
 * A board whose facts did not change keeps its index entry. The entry (the names a board exports, where each element
 * is, the fingerprint, the names it looked up) is a function of the tokens {@link BoardFacts} reads, so a note or a
 * comment typed into a 10,000-device board need not name, place and copy its 10,000 elements again: that was about a
 * fifth of such a keystroke. Only where the old entry points at no other file (what another file's names lead to may
 * have changed since) and its fingerprint is a known one; the builder then stores the same entry
 * ({@link #take}).
 */
public class KeptIndexEntry extends Indexer {
	/** How many entries were kept, in this JVM: the tests' evidence that it happened. */
	public static final java.util.concurrent.atomic.AtomicInteger KEPT = new java.util.concurrent.atomic.AtomicInteger();

	@Override
	protected IResourceDescription.Delta addToIndex(Resource resource, boolean isPreIndexing, ResourceDescriptionsData oldIndex, BuildContext context) {
		take(resource); // a mark left by a build that was cancelled before it stored the entry
		IResourceDescription old = oldIndex == null ? null : oldIndex.getResourceDescription(resource.getURI());
		if (old != null && sameFacts(old, resource)) {
			// the same entry as a new object: Xtext's delta refuses one whose old and new are the same
			IResourceDescription same = new Same(old instanceof Same s ? s.entry : old);
			resource.eAdapters().add(new Kept(same));
			KEPT.incrementAndGet();
			return context.getResourceServiceProvider(resource.getURI()).getResourceDescriptionManager().createDelta(old, same);
		}
		return super.addToIndex(resource, isPreIndexing, oldIndex, context);
	}

	/** The entry kept for a resource in this build, if any; the mark is removed. */
	public static IResourceDescription take(Resource resource) {
		if (resource == null) return null;
		for (var a : resource.eAdapters())
			if (a instanceof Kept k) {
				resource.eAdapters().remove(a);
				return k.entry;
			}
		return null;
	}

	static boolean sameFacts(IResourceDescription old, Resource resource) {
		String facts = BoardFacts.in(old);
		if (!BoardFacts.isKnown(facts)) return false;
		URI self = old.getURI();
		for (IReferenceDescription ref : old.getReferenceDescriptions())
			if (ref.getTargetEObjectUri() == null || !self.equals(ref.getTargetEObjectUri().trimFragment())) return false;
		return facts.equals(BoardFacts.of(resource));
	}

	/** An index entry again, as another object (never one around another: a board typed into a thousand times). */
	static final class Same implements IResourceDescription {
		final IResourceDescription entry;

		Same(IResourceDescription entry) {
			this.entry = entry;
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjects() {
			return entry.getExportedObjects();
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjects(EClass type, QualifiedName name, boolean ignoreCase) {
			return entry.getExportedObjects(type, name, ignoreCase);
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjectsByType(EClass type) {
			return entry.getExportedObjectsByType(type);
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjectsByObject(EObject object) {
			return entry.getExportedObjectsByObject(object);
		}

		@Override
		public boolean isEmpty() {
			return entry.isEmpty();
		}

		@Override
		public Iterable<QualifiedName> getImportedNames() {
			return entry.getImportedNames();
		}

		@Override
		public Iterable<IReferenceDescription> getReferenceDescriptions() {
			return entry.getReferenceDescriptions();
		}

		@Override
		public URI getURI() {
			return entry.getURI();
		}
	}

	private static final class Kept extends AdapterImpl {
		final IResourceDescription entry;

		Kept(IResourceDescription entry) {
			this.entry = entry;
		}
	}
}
