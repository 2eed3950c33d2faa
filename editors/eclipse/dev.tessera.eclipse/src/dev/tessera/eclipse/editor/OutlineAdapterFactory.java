package dev.tessera.eclipse.editor;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/** Gives a text editor showing a .tess file its outline page. */
public class OutlineAdapterFactory implements IAdapterFactory {
	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType == IContentOutlinePage.class && adaptable instanceof ITextEditor editor && editor.getEditorInput() != null
				&& editor.getEditorInput().getName().endsWith(".tess"))
			return adapterType.cast(new TesseraOutlinePage(editor));
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
