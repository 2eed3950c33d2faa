package dev.tessera.dsl.ide.server;

import java.util.List;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.IExternalContentSupport;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * A keystroke re-parses what it changed, not the whole file. Xtext's language server hands each edited file to its
 * builder, which unloads the file and parses the editor's text from the first character: 1.3 MB for a board of
 * 10,000 devices, on every keystroke. Here the file loaded from the last build is brought up to the editor's text
 * first, with Xtext's partial parser (the one Eclipse's editor uses): the changed region, from the first character
 * that differs to the last, is parsed again within the smallest rule around it, and the model is linked again; the
 * builder then keeps that resource ({@link KeepUpdated}) and indexes and validates it as usual.
 *
 * <p>
 * Only where the result is beyond doubt: when the file had no syntax error and has none after the change, and the
 * re-parsed text is exactly the editor's. Anything else (a syntax error, a byte-order mark, a failure of the partial
 * parser) and the builder parses the whole file as before, so the diagnostics of a file with syntax errors are those
 * of a full parse.
 */
public class ReparsingProjectManager extends org.eclipse.xtext.ide.server.ProjectManager {
	/** How many edits were parsed in place, in this JVM: the tests' evidence that the partial parse ran. */
	static final java.util.concurrent.atomic.AtomicInteger IN_PLACE = new java.util.concurrent.atomic.AtomicInteger();

	@Override
	public IncrementalBuilder.Result doBuild(List<URI> dirtyFiles, List<URI> deletedFiles, List<IResourceDescription.Delta> externalDeltas,
			CancelIndicator cancelIndicator) {
		XtextResourceSet resources = getResourceSet();
		IExternalContentSupport.IExternalContentProvider editor = getOpenedDocumentsContentProvider();
		if (resources != null && editor != null)
			for (URI uri : dirtyFiles)
				if (resources.getResource(uri, false) instanceof XtextResource r) {
					KeepUpdated.take(r); // a mark left by a build that was cancelled before it started
					if (editor.hasContent(uri) && updated(r, editor.getContent(uri))) {
						r.eAdapters().add(new KeepUpdated());
						IN_PLACE.incrementAndGet();
					}
				}
		return super.doBuild(dirtyFiles, deletedFiles, externalDeltas, cancelIndicator);
	}

	/** Brings a loaded resource to the given text by a partial parse; false (and the resource to be unloaded) where it cannot. */
	static boolean updated(XtextResource r, String text) {
		IParseResult before = r.getParseResult();
		if (!r.isLoaded() || before == null || before.getRootNode() == null || before.hasSyntaxErrors() || text == null
				|| text.startsWith("\uFEFF"))
			return false;
		String old = before.getRootNode().getText();
		if (old.equals(text)) return false;
		int start = 0, oldEnd = old.length(), newEnd = text.length();
		while (start < oldEnd && start < newEnd && old.charAt(start) == text.charAt(start)) start++;
		while (oldEnd > start && newEnd > start && old.charAt(oldEnd - 1) == text.charAt(newEnd - 1)) {
			oldEnd--;
			newEnd--;
		}
		try {
			r.update(start, oldEnd - start, text.substring(start, newEnd));
		} catch (RuntimeException e) {
			return false; // the builder unloads the resource and parses the text afresh
		}
		IParseResult after = r.getParseResult();
		return after != null && !after.hasSyntaxErrors() && after.getRootNode() != null && text.equals(after.getRootNode().getText());
	}

	/** Marks a resource brought up to the editor's text in place: the builder keeps it instead of unloading it. */
	static final class KeepUpdated extends AdapterImpl {
		/** Whether the resource was so marked; the mark is removed: it holds for one build. */
		static boolean take(Resource r) {
			for (var a : r.eAdapters())
				if (a instanceof KeepUpdated) {
					r.eAdapters().remove(a);
					return true;
				}
			return false;
		}
	}

	/** The builder: unloads an edited file only where it was not brought up to date in place. */
	public static class Builder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {
		@Override
		protected void unloadResource(URI uri) {
			Resource r = getRequest().getResourceSet().getResource(uri, false);
			if (r != null && getRequest().getDirtyFiles().contains(uri) && KeepUpdated.take(r)) return;
			super.unloadResource(uri);
		}

		/** A board whose facts did not change keeps its entry (KeptIndexEntry): no copy of it is made. */
		@Override
		protected IResourceDescription getSerializableResourceDescription(IResourceDescription description) {
			IResourceDescription kept = dev.tessera.dsl.ide.build.KeptIndexEntry.take(getRequest().getResourceSet().getResource(description.getURI(), false));
			return kept != null ? kept : super.getSerializableResourceDescription(description);
		}
	}
}
