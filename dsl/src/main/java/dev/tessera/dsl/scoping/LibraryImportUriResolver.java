package dev.tessera.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;

/** {@code import "qemu-virt"} names a shipped board; anything else is a path relative to the importing file. */
public class LibraryImportUriResolver extends ImportUriResolver {
	@Override
	public String resolve(EObject object) {
		String uri = super.resolve(object);
		if (uri != null && !uri.endsWith(".tess"))
			return BoardLibrary.find(uri).map(Object::toString).orElse(uri);
		return uri;
	}
}
