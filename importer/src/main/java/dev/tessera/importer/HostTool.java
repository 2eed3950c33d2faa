package dev.tessera.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs cpp or dtc through Commons Exec: an argument list (never a shell), a time limit, LC_ALL=C. */
final class HostTool {
	private final String program;
	private final String debianPackage;

	HostTool(String program, String debianPackage) {
		this.program = program;
		this.debianPackage = debianPackage;
	}

	record Result(int exitCode, byte[] stdout, String stderr) {
		String out() {
			return new String(stdout, StandardCharsets.UTF_8);
		}
	}

	/** Thrown when the program is not installed. */
	static final class Missing extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Missing(String program, String pkg) {
			super(program + " is not installed (Debian package " + pkg + "; scripts/install-tools.sh installs it)");
		}
	}

	Result run(Path workingDir, List<String> args) {
		CommandLine cmd = new CommandLine(program);
		for (String a : args) cmd.addArgument(a, false);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		DefaultExecutor exec = DefaultExecutor.builder().setWorkingDirectory(workingDir.toFile()).get();
		exec.setStreamHandler(new PumpStreamHandler(out, err));
		exec.setWatchdog(ExecuteWatchdog.builder().setTimeout(Duration.ofMinutes(2)).get());
		exec.setExitValues(null);
		Map<String, String> env = new HashMap<>(System.getenv());
		env.put("LC_ALL", "C");
		try {
			int code = exec.execute(cmd, env);
			return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
		} catch (ExecuteException e) {
			return new Result(e.getExitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new Missing(program, debianPackage);
		}
	}
}
