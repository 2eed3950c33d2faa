package dev.tessera.generators.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs an external program through Commons Exec with an argument list (never a shell), a time limit and a
 * fixed environment, and turns "not installed" into {@link ToolMissingException}.
 */
public class ExternalTool {
	private final String program;
	private final String debianPackage;

	public ExternalTool(String program, String debianPackage) {
		this.program = program;
		this.debianPackage = debianPackage;
	}

	/** Output of a finished run. */
	public record Result(int exitCode, String stdout, String stderr) {
	}

	public Result run(Path workingDir, List<String> args, Map<String, String> extraEnv) {
		CommandLine cmd = new CommandLine(program);
		for (String a : args) cmd.addArgument(a, false);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		DefaultExecutor exec = DefaultExecutor.builder().setWorkingDirectory(workingDir.toFile()).get();
		exec.setStreamHandler(new PumpStreamHandler(out, err));
		exec.setWatchdog(ExecuteWatchdog.builder().setTimeout(Duration.ofMinutes(2)).get());
		exec.setExitValues(null);
		java.util.HashMap<String, String> env = new java.util.HashMap<>(System.getenv());
		env.put("LC_ALL", "C");
		env.putAll(extraEnv);
		try {
			int code = exec.execute(cmd, env);
			return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		} catch (ExecuteException e) {
			return new Result(e.getExitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new ToolMissingException(program, debianPackage);
		}
	}

	public boolean available() {
		try {
			run(Path.of("."), List.of("--version"), Map.of());
			return true;
		} catch (ToolMissingException e) {
			return false;
		}
	}
}
