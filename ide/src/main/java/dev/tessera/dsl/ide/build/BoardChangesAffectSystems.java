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
 * (registers, interrupts, IOMMUs, RAM): any change of a board re-validates every system that refers to it, so a
 * system's diagnostics never go stale while its board is edited.
 */
public class BoardChangesAffectSystems extends DefaultResourceDescriptionManager {
	@Override
	public boolean isAffected(Collection<Delta> deltas, IResourceDescription candidate, IResourceDescriptions context) {
		if (super.isAffected(deltas, candidate, context)) return true;
		for (Delta delta : deltas) {
			URI changed = delta.getUri();
			if (changed.equals(candidate.getURI())) continue;
			for (IReferenceDescription ref : candidate.getReferenceDescriptions())
				if (ref.getTargetEObjectUri() != null && changed.equals(ref.getTargetEObjectUri().trimFragment())) return true;
		}
		return false;
	}
}
