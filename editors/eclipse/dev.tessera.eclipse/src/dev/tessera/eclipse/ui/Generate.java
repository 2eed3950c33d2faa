package dev.tessera.eclipse.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageType;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.lsp.Documents;
import dev.tessera.eclipse.lsp.Messages;

/**
 * Generate: the server's {@code tessera.generate} command (workspace/executeCommand with the file's URI), which
 * runs what {@code tessera generate FILE -o DIR} runs; then the output folder is refreshed so the files show.
 */
public final class Generate {
	public static final String COMMAND = "tessera.generate";
	/** The job family of generation jobs (tests join it). */
	public static final Object FAMILY = Generate.class;

	private Generate() {
	}

	/** Runs the command and refreshes the workspace; the answer ({ok, output, files, problems}). */
	public static JsonObject run(IFile file, IProgressMonitor monitor) throws Exception {
		String uri = Documents.uri(file);
		List<Object> args = new ArrayList<>(List.of(uri));
		String out = TesseraPlugin.getDefault().getPreferenceStore().getString(TesseraPlugin.PREF_OUTPUT);
		if (out != null && !out.isBlank()) {
			Path dir = Path.of(out);
			if (!dir.isAbsolute()) dir = file.getLocation().toFile().toPath().getParent().resolve(dir);
			args.add(null);
			args.add(dir.toString());
		}
		Object answer = TesseraPlugin.getDefault().server()
				.request(s -> s.getWorkspaceService().executeCommand(new ExecuteCommandParams(COMMAND, args))).get(300, TimeUnit.SECONDS);
		JsonObject result = answer instanceof JsonElement e && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
		refresh(file, result, monitor);
		return result;
	}

	static void refresh(IFile file, JsonObject result, IProgressMonitor monitor) throws CoreException {
		file.getParent().refreshLocal(IResource.DEPTH_INFINITE, monitor);
		JsonElement output = result.get("output");
		if (output != null && output.isJsonPrimitive()) {
			URI dir = Path.of(output.getAsString()).toUri();
			for (IContainer c : ResourcesPlugin.getWorkspace().getRoot().findContainersForLocationURI(dir)) {
				IContainer existing = c;
				while (!existing.exists() && existing.getParent() != null) existing = existing.getParent();
				existing.refreshLocal(IResource.DEPTH_INFINITE, monitor);
			}
		}
	}

	/** Generates in a job (the server tells the outcome: "Tessera wrote N files to ..."). */
	public static Job inBackground(IFile file) {
		Job job = new Job("Tessera: generating the outputs of " + file.getName()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					Generate.run(file, monitor);
				} catch (Exception e) {
					Messages.show(MessageType.Error, "Tessera could not generate " + file.getName() + ": " + e);
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setUser(true);
		job.schedule();
		return job;
	}
}
