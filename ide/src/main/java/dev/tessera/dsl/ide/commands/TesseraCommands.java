package dev.tessera.dsl.ide.commands;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.pipeline.Pipeline;
import dev.tessera.pipeline.ProjectSettings;
import dev.tessera.process.ProgramNotInstalledException;

/**
 * {@code tessera.generate [fileUri, systemName?, outputDir?]}: writes the outputs of the system in the (saved) file,
 * as {@code tessera generate FILE -o DIR} does. The output folder defaults to {@code out/<system>} beside the file.
 * Answers with a {@link Result} and tells the user through window/showMessage.
 */
public class TesseraCommands implements IExecutableCommandService {
	public static final String GENERATE = "tessera.generate";

	@Override
	public List<String> initialize() {
		return List.of(GENERATE);
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancel) {
		if (!GENERATE.equals(params.getCommand())) return null;
		List<Object> args = params.getArguments();
		String uri = arg(args, 0);
		if (uri == null) return fail(access, "tessera.generate needs the file's URI as its first argument");
		URI u = URI.createURI(uri);
		if (!u.isFile()) return fail(access, "tessera.generate works on files on disk, not " + uri);
		Path file = Path.of(u.toFileString());
		String system = arg(args, 1);
		String out = arg(args, 2);
		Path output = out != null ? Path.of(out)
				: file.toAbsolutePath().getParent().resolve("out").resolve(system != null ? system : stem(file));
		Result result;
		try {
			result = generate(file, system, output);
		} catch (RuntimeException e) {
			return fail(access, "generation failed: " + e.getMessage());
		}
		if (access != null && access.getLanguageClient() != null) {
			String msg = result.ok() ? "Tessera wrote " + result.files().size() + " files to " + result.output()
					: "Tessera wrote nothing: " + (result.problems().isEmpty() ? "generation failed" : String.join("; ", result.problems().subList(0, Math.min(3, result.problems().size()))));
			access.getLanguageClient().showMessage(new MessageParams(result.ok() ? MessageType.Info : MessageType.Error, msg));
		}
		return result;
	}

	/**
	 * What the command answers.
	 *
	 * @param ok       true when every file was written
	 * @param output   the output folder
	 * @param files    the files written (relative to output)
	 * @param problems diagnostics as the CLI prints them (file:line:col: severity [rule] message)
	 */
	public record Result(boolean ok, String output, List<String> files, List<String> problems) {
	}

	/** The same pipeline as {@code tessera generate}, with the project file's rule settings as the CLI applies them. */
	static Result generate(Path systemFile, String systemName, Path outputDir) {
		ProjectSettings settings = ProjectSettings.forFile(systemFile);
		if (!settings.problems().isEmpty())
			return new Result(false, outputDir.toString(), List.of(),
					settings.problems().stream().map(p -> settings.file() + ": " + p).toList());
		try {
			Pipeline.Outcome outcome = new Pipeline().generate(new Pipeline.Request(systemFile, systemName, null, outputDir).withPolicy(settings.policy()));
			List<String> problems = new java.util.ArrayList<>(
					outcome.diagnostics().stream().sorted(Diagnostic.ORDER).distinct().map(Diagnostic::format).toList());
			if (outcome.stop() != null) problems.add("tessera: " + outcome.stop());
			List<String> files = outcome.artifacts().stream().map(a -> a.path()).toList();
			return new Result(!outcome.failed(), outputDir.toString(), files, problems);
		} catch (ProgramNotInstalledException e) {
			return new Result(false, outputDir.toString(), List.of(), List.of("tessera: " + e.getMessage()));
		}
	}

	private static Result fail(ILanguageServerAccess access, String message) {
		if (access != null && access.getLanguageClient() != null)
			access.getLanguageClient().showMessage(new MessageParams(MessageType.Error, message));
		return new Result(false, null, List.of(), List.of(message));
	}

	private static String stem(Path file) {
		String n = file.getFileName().toString();
		return n.endsWith(".tess") ? n.substring(0, n.length() - 5) : n;
	}

	static String arg(List<Object> args, int i) {
		if (args == null || args.size() <= i || args.get(i) == null) return null;
		Object a = args.get(i);
		if (a instanceof JsonPrimitive p) return p.isString() ? p.getAsString() : p.toString();
		if (a instanceof JsonElement e) return e.isJsonNull() ? null : e.toString();
		return a.toString();
	}
}
