package dev.tessera.eclipse.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.CodeActions;
import dev.tessera.eclipse.lsp.Edits;

/** Quick fixes of Tessera problem markers (Problems view, Ctrl+1 on the marker): the server's code actions. */
public class TesseraMarkerResolutions implements IMarkerResolutionGenerator2 {
	@Override
	public boolean hasResolutions(IMarker marker) {
		return CodeActions.FIXABLE.contains(marker.getAttribute(TesseraPlugin.RULE_ID, ""));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		List<IMarkerResolution> out = new ArrayList<>();
		try {
			for (CodeAction a : CodeActions.fixes(marker)) out.add(new Fix(a));
		} catch (Exception e) {
			TesseraPlugin.log("Tessera: no quick fixes for " + marker.getAttribute(IMarker.MESSAGE, ""), e);
		}
		return out.toArray(IMarkerResolution[]::new);
	}

	/** One quick fix: the server's edit, applied to the open editor's document or to the file. */
	public static final class Fix implements IMarkerResolution2 {
		public final CodeAction action;

		Fix(CodeAction action) {
			this.action = action;
		}

		@Override
		public String getLabel() {
			return action.getTitle();
		}

		@Override
		public void run(IMarker marker) {
			try {
				Edits.apply(action.getEdit());
			} catch (Exception e) {
				TesseraPlugin.log("Tessera: the quick fix '" + action.getTitle() + "' failed", e);
			}
		}

		@Override
		public String getDescription() {
			return action.getTitle();
		}

		@Override
		public Image getImage() {
			return null;
		}
	}
}
