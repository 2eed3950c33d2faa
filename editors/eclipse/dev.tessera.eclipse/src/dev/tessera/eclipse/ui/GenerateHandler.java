package dev.tessera.eclipse.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * The "Generate Tessera Outputs" command: for the .tess file of the active editor (saved first), or the one selected
 * in the Project Explorer.
 */
public class GenerateHandler extends AbstractHandler {
	public static final String ID = "dev.tessera.eclipse.generate";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IFile file = null;
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		if (selection instanceof IStructuredSelection s && !s.isEmpty()) file = Adapters.adapt(s.getFirstElement(), IFile.class);
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if ((file == null || !"tess".equals(file.getFileExtension())) && editor != null) {
			file = Adapters.adapt(editor.getEditorInput(), IFile.class);
		}
		if (file == null || !"tess".equals(file.getFileExtension())) return null;
		if (editor != null && editor.isDirty() && file.equals(Adapters.adapt(editor.getEditorInput(), IFile.class))) editor.doSave(null);
		return Generate.inBackground(file);
	}
}
