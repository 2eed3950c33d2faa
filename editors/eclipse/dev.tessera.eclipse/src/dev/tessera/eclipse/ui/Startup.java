package dev.tessera.eclipse.ui;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IStartup;

import dev.tessera.eclipse.TesseraPlugin;

/**
 * When the workbench starts on a workspace with .tess files, starts the server at once: it checks every file of
 * the workspace, so the Problems view lists their problems before any is opened (as a builder would).
 */
public class Startup implements IStartup {
	@Override
	public void earlyStartup() {
		boolean[] found = { false };
		try {
			ResourcesPlugin.getWorkspace().getRoot().accept(proxy -> {
				if (found[0]) return false;
				if (proxy.getType() == IResource.FILE && proxy.getName().endsWith(".tess")) found[0] = true;
				return !found[0] && !proxy.isDerived() && !proxy.getName().startsWith(".");
			}, IResource.NONE);
		} catch (CoreException e) {
			return;
		}
		if (found[0]) TesseraPlugin.getDefault().server();
	}
}
