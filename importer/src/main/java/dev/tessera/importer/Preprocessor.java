package dev.tessera.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tessera.process.ExternalProgram;
import dev.tessera.process.ProgramNotInstalledException;

/**
 * Runs a .dts through the C preprocessor the way the kernel's build does
 * ({@code cpp -nostdinc -undef -x assembler-with-cpp -D__DTS__ -I<include-prefixes>}), keeping the line markers
 * so that dtc reports every line in the file it was written in.
 */
public final class Preprocessor {
	private static final Pattern CPP_ERROR = Pattern.compile("^(.+?):(\\d+):(?:\\d+:)? (fatal error|error): (.*)$");
	private final ExternalProgram cpp = new ExternalProgram("cpp", "cpp");

	/** Writes the preprocessed source of {@code source} to {@code output}. */
	public void preprocess(Path source, List<Path> includeDirs, Path output) throws ImportException {
		List<String> args = new ArrayList<>(List.of("-nostdinc", "-undef", "-x", "assembler-with-cpp", "-D__DTS__"));
		for (Path d : includeDirs) args.add("-I" + d);
		args.addAll(List.of("-o", output.toString(), source.toString()));
		ExternalProgram.Result r;
		try {
			r = cpp.run(source.toAbsolutePath().getParent(), args);
		} catch (ProgramNotInstalledException e) {
			throw new ImportException(DtcReader.notInstalled(source.toString(), e));
		}
		if (r.exitCode() == 0) return;
		List<DtDiagnostic> diags = new ArrayList<>();
		for (String line : r.stderr().lines().toList()) {
			Matcher m = CPP_ERROR.matcher(line);
			if (!m.matches()) continue;
			String file = m.group(1);
			int ln = Integer.parseInt(m.group(2));
			String msg = m.group(4).replace("No such file or directory", "cannot be found in the include directories "
					+ includeDirs + " nor next to the including file");
			diags.add(new DtDiagnostic(DtDiagnostic.Severity.ERROR, file, ln, SourceScan.enclosingNode(Path.of(file), ln),
					"preprocessor: " + msg));
		}
		if (diags.isEmpty())
			diags.add(new DtDiagnostic(DtDiagnostic.Severity.ERROR, source.toString(), 0, null,
					"the C preprocessor failed: " + r.stderr().strip()));
		throw new ImportException(diags);
	}

	/** A .dts or .dtsi (anything but a .dtb) goes through the preprocessor. */
	public static boolean needed(Path source) {
		return !DtcReader.isBlob(source);
	}

	static String read(Path p) {
		try {
			return Files.readString(p);
		} catch (IOException e) {
			return "";
		}
	}
}
