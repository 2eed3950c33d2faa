package dev.tessera.dsl.ide.build;

import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import dev.tessera.model.TesseraFile;

/**
 * Exports what Xtext exports, and gives a file's boards and systems the file's {@link BoardFacts} as user data: the
 * index entry of a board then changes when a fact of it changes, and only then (Xtext compares user data with names
 * when it decides whether a file's exports changed). {@link BoardChangesAffectSystems} reads that.
 */
public class FactsInTheIndex extends DefaultResourceDescriptionStrategy {
	@Override
	public boolean createEObjectDescriptions(EObject eObject, IAcceptor<IEObjectDescription> acceptor) {
		if (!(eObject.eContainer() instanceof TesseraFile)) return super.createEObjectDescriptions(eObject, acceptor);
		if (getQualifiedNameProvider() == null) return false;
		QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(eObject);
		if (name == null) return true;
		acceptor.accept(EObjectDescription.create(name, eObject, Map.of(BoardFacts.KEY, BoardFacts.of(eObject.eResource()))));
		return true;
	}
}
