package dev.tessera.dsl.scoping;

import java.util.LinkedHashSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;

import dev.tessera.model.System;
import dev.tessera.model.TesseraFile;
import dev.tessera.model.TesseraPackage;

/**
 * Imports plus the shipped boards that a system names in {@code on <board>}: a system on a library board needs
 * no import.
 */
public class LibraryGlobalScopeProvider extends ImportUriGlobalScopeProvider {
	@Override
	protected LinkedHashSet<URI> getImportedUris(Resource resource) {
		LinkedHashSet<URI> uris = super.getImportedUris(resource);
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof TesseraFile file)) return uris;
		for (var element : file.getElements()) {
			if (!(element instanceof System system)) continue;
			for (INode node : NodeModelUtils.findNodesForFeature(system, TesseraPackage.Literals.SYSTEM__BOARD)) add(node, uris);
			// and the boards its variants run on
			for (var variant : system.getVariants())
				for (var change : variant.getChanges())
					for (INode node : NodeModelUtils.findNodesForFeature(change, TesseraPackage.Literals.CHANGE_BOARD__BOARD)) add(node, uris);
		}
		return uris;
	}

	private static void add(INode node, LinkedHashSet<URI> uris) {
		String name = NodeModelUtils.getTokenText(node);
		BoardLibrary.find(name.startsWith("^") ? name.substring(1) : name).ifPresent(uris::add);
	}
}
