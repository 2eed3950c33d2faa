package dev.tessera.eclipse.editor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.Documents;

/**
 * Go to definition: Ctrl+click and F3 (a hyperlink detector of the Generic Editor, whose F3 opens the hyperlink at the
 * caret; also the command Open Tessera Declaration) on
 * a device, board, domain or cpupool name open its declaration, also in another file; a shipped board opens from the
 * read-only copy the server writes of it.
 */
public class Definitions extends AbstractHyperlinkDetector {
	/** How long Ctrl+hover waits for the server (it runs on the UI thread). */
	static final long HYPERLINK_TIMEOUT_MS = 1500;

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		IDocument doc = viewer.getDocument();
		String uri = Documents.uriOf(doc);
		if (uri == null || !uri.endsWith(".tess")) return null;
		IRegion word = new TesseraHover().getHoverRegion(viewer, region.getOffset());
		if (word.getLength() == 0) return null;
		List<Location> targets = locations(uri, doc, region.getOffset(), HYPERLINK_TIMEOUT_MS);
		if (targets.isEmpty()) return null;
		List<IHyperlink> links = new ArrayList<>();
		for (Location l : targets) links.add(new Link(word, l));
		return canShowMultipleHyperlinks ? links.toArray(IHyperlink[]::new) : new IHyperlink[] { links.get(0) };
	}

	/** textDocument/definition at an offset; empty when there is none (or no answer in time). */
	public static List<Location> locations(String uri, IDocument doc, int offset, long timeoutMs) {
		var at = Documents.position(doc, offset);
		try {
			var answer = TesseraPlugin.getDefault().server()
					.request(s -> s.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), at)))
					.get(timeoutMs, TimeUnit.MILLISECONDS);
			List<Location> out = new ArrayList<>();
			if (answer == null) return out;
			if (answer.isLeft()) out.addAll(answer.getLeft());
			else for (var link : answer.getRight()) out.add(new Location(link.getTargetUri(), link.getTargetSelectionRange()));
			return out;
		} catch (Exception e) {
			return List.of();
		}
	}

	/** Opens a location: in the workspace file's editor when it is one, else the file from the file system. */
	public static ITextEditor open(Location target) throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		URI u = new URI(target.getUri());
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(u);
		IEditorPart part = files.length > 0 && files[0].exists() ? IDE.openEditor(page, files[0])
				: IDE.openEditorOnFileStore(page, EFS.getStore(u));
		if (!(part instanceof ITextEditor editor)) return null;
		IDocument d = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int start = Documents.offset(d, target.getRange().getStart());
		int end = Documents.offset(d, target.getRange().getEnd());
		editor.selectAndReveal(start, Math.max(0, end - start));
		return editor;
	}

	static final class Link implements IHyperlink {
		private final IRegion region;
		private final Location target;

		Link(IRegion region, Location target) {
			this.region = new Region(region.getOffset(), region.getLength());
			this.target = target;
		}

		@Override
		public IRegion getHyperlinkRegion() {
			return region;
		}

		@Override
		public String getTypeLabel() {
			return "Tessera declaration";
		}

		@Override
		public String getHyperlinkText() {
			return "Open Declaration";
		}

		@Override
		public void open() {
			try {
				Definitions.open(target);
			} catch (Exception e) {
				TesseraPlugin.log("Tessera: could not open " + target.getUri(), e);
			}
		}
	}
}
