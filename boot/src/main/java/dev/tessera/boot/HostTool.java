package dev.tessera.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs a short host command (dtc, mkimage, mkenvimage) with an argument list and a time limit. */
public final class HostTool {

    private HostTool() {
    }

    /** The command's exit code and combined output. */
    public record Result(int exitCode, String output) { }

    public static Result run(Path workDir, Duration timeout, List<String> command) throws IOException {
        CommandLine cl = new CommandLine(command.get(0));
        for (String a : command.subList(1, command.size())) {
            cl.addArgument(a, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DefaultExecutor ex = DefaultExecutor.builder().get();
        ex.setStreamHandler(new PumpStreamHandler(out, out));
        ex.setWatchdog(ExecuteWatchdog.builder().setTimeout(timeout).get());
        ex.setExitValues(null);
        if (workDir != null) {
            ex.setWorkingDirectory(workDir.toFile());
        }
        int code = ex.execute(cl);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command and fails with its output unless it exits 0. */
    public static String check(Path workDir, Duration timeout, List<String> command) throws IOException {
        Result r = run(workDir, timeout, command);
        if (r.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    public static String check(String... command) throws IOException {
        return check(null, Duration.ofMinutes(2), List.of(command));
    }
}
