package dev.tessera.dsl.ide.build;

import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import dev.tessera.model.Board;

/**
 * Exports what Xtext exports, and gives a board the {@link BoardFacts} of its file as user data: the index entry of a
 * board then changes when a fact of it changes, and only then (Xtext compares user data with names when it decides
 * whether a file's exports changed). {@link BoardChangesAffectSystems} reads that. A system carries none: no file reads
 * a system's facts, and its index entry stays the same while its domains are typed into.
 */
public class FactsInTheIndex extends DefaultResourceDescriptionStrategy {
	@Override
	public boolean createEObjectDescriptions(EObject eObject, IAcceptor<IEObjectDescription> acceptor) {
		if (!(eObject instanceof Board)) return super.createEObjectDescriptions(eObject, acceptor);
		if (getQualifiedNameProvider() == null) return false;
		QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(eObject);
		if (name == null) return true;
		acceptor.accept(EObjectDescription.create(name, eObject, Map.of(BoardFacts.KEY, BoardFacts.of(eObject.eResource()))));
		return true;
	}
}
