package dev.tessera.dsl.ide.build;

import java.util.Collection;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescription.Delta;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

/**
 * Xtext re-validates a file when a name it uses changes. Tessera's rules read much more than names from a board
 * (registers, interrupts, IOMMUs, RAM): a change of a board's facts re-validates every system that refers to it, so a
 * system's diagnostics never go stale while its board is edited. A change that leaves the facts as they were (a note,
 * a comment, a blank line: the board's {@link BoardFacts} in the index, {@link FactsInTheIndex}) and its exported names
 * too re-validates the board alone: nothing a system's rules read is different.
 */
public class BoardChangesAffectSystems extends DefaultResourceDescriptionManager {
	@Override
	public boolean isAffected(Collection<Delta> deltas, IResourceDescription candidate, IResourceDescriptions context) {
		if (super.isAffected(deltas, candidate, context)) return true;
		for (Delta delta : deltas) {
			URI changed = delta.getUri();
			if (changed.equals(candidate.getURI()) || !factsChanged(delta)) continue;
			for (IReferenceDescription ref : candidate.getReferenceDescriptions())
				if (ref.getTargetEObjectUri() != null && changed.equals(ref.getTargetEObjectUri().trimFragment())) return true;
		}
		return false;
	}

	/**
	 * Whether a file's facts may differ from its last version: its exports (names, places, the facts' fingerprint) or
	 * whether it exists changed. A file without a board (no fingerprint) counts as changed.
	 */
	static boolean factsChanged(Delta delta) {
		if (delta.getOld() == null || delta.getNew() == null || delta.haveEObjectDescriptionsChanged()) return true;
		return BoardFacts.in(delta.getNew()) == null;
	}
}
