package dev.tessera.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tessera.process.ExternalProgram;
import dev.tessera.process.ProgramNotInstalledException;

/**
 * Reads a (preprocessed) .dts or a .dtb with {@code dtc}, which applies labels, references, includes, overrides and
 * deletions: the importer reads dtc's flattened output, annotated with the place every node and property was
 * written, and writes dtc's plain flattened output as the board's self-contained device tree.
 */
public final class DtcReader {
	private static final Pattern LOCATED = Pattern.compile("^(?:Error: )?(.+?):(\\d+)\\.\\d+(?:-\\d+(?:\\.\\d+)?)?:? (.*)$");
	private static final Pattern NODE_ERROR = Pattern.compile("^.*?ERROR \\((\\w+)\\): (/[^:]*): (.*)$");
	private static final Pattern CANNOT_OPEN = Pattern.compile("^FATAL ERROR: Couldn't open \"(.+)\": (.*)$");
	private final ExternalProgram dtc = new ExternalProgram("dtc", "device-tree-compiler");

	/** dtc's annotated flattened source of {@code input}; {@code shownAs} is the file the user named. */
	public String annotated(Path input, List<Path> includeDirs, String shownAs) throws ImportException {
		boolean blob = isBlob(input);
		List<String> args = new ArrayList<>(List.of("-q", "-I", blob ? "dtb" : "dts", "-O", "dts"));
		if (!blob) args.addAll(List.of("-T", "-T"));
		return run(input, includeDirs, args, shownAs);
	}

	/** dtc's plain flattened source of {@code input}: self-contained, what Xen boots with. */
	public String flattened(Path input, List<Path> includeDirs, String shownAs) throws ImportException {
		return run(input, includeDirs, new ArrayList<>(List.of("-q", "-I", isBlob(input) ? "dtb" : "dts", "-O", "dts")), shownAs);
	}

	/** A flattened device tree blob: named .dtb, or starting with the magic number 0xd00dfeed (/sys/firmware/fdt). */
	static boolean isBlob(Path p) {
		if (p.getFileName().toString().endsWith(".dtb")) return true;
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(p)) {
			byte[] m = in.readNBytes(4);
			if (m.length == 4) return (m[0] & 0xff) == 0xd0 && (m[1] & 0xff) == 0x0d && (m[2] & 0xff) == 0xfe && (m[3] & 0xff) == 0xed;
		} catch (java.io.IOException e) {
			// unreadable: reported when it is read
		}
		return false;
	}

	private String run(Path input, List<Path> includeDirs, List<String> args, String shownAs) throws ImportException {
		Path dir = input.toAbsolutePath().getParent();
		for (Path d : includeDirs) args.addAll(List.of("-i", d.toString()));
		args.add(input.toAbsolutePath().toString());
		ExternalProgram.Result r;
		try {
			r = dtc.run(dir, args);
		} catch (ProgramNotInstalledException e) {
			throw new ImportException(notInstalled(shownAs, e));
		}
		if (r.exitCode() == 0) return r.stdout();
		throw new ImportException(diagnostics(r.stderr(), input, shownAs));
	}

	/** A program the importer runs (dtc, cpp) is missing: an error on {@code file} that says how to install it. */
	static DtDiagnostic notInstalled(String file, ProgramNotInstalledException e) {
		return new DtDiagnostic(DtDiagnostic.Severity.ERROR, file, 0, null,
				e.program() + " is not installed (Debian package " + e.debianPackage() + "; scripts/install-tools.sh installs it)");
	}

	/** dtc's complaints, each with the file, line and node it names. */
	static List<DtDiagnostic> diagnostics(String stderr, Path input, String shownAs) {
		List<DtDiagnostic> out = new ArrayList<>();
		for (String line : stderr.lines().toList()) {
			Matcher m;
			if ((m = NODE_ERROR.matcher(line)).matches()) {
				Matcher loc = LOCATED.matcher(line);
				String file = shownAs;
				int ln = 0;
				if (loc.matches() && !loc.group(1).contains("ERROR")) {
					file = loc.group(1);
					ln = Integer.parseInt(loc.group(2));
				}
				out.add(new DtDiagnostic(DtDiagnostic.Severity.ERROR, file, ln, m.group(2), m.group(3) + " (dtc check " + m.group(1) + ")"));
			} else if ((m = CANNOT_OPEN.matcher(line)).matches()) {
				SourceLocation at = LineMap.of(input).find("/include/", m.group(1), shownAs);
				out.add(new DtDiagnostic(DtDiagnostic.Severity.ERROR, at.file(), at.line(),
						at.line() > 0 ? SourceScan.enclosingNode(Path.of(at.file()), at.line()) : null,
						"cannot open \"" + m.group(1) + "\": " + m.group(2).toLowerCase()));
			} else if ((m = LOCATED.matcher(line)).matches() && line.startsWith("Error: ")) {
				String file = m.group(1);
				int ln = Integer.parseInt(m.group(2));
				out.add(new DtDiagnostic(DtDiagnostic.Severity.ERROR, file, ln, SourceScan.enclosingNode(Path.of(file), ln), m.group(3)));
			}
		}
		if (out.isEmpty()) {
			String why = stderr.lines().filter(l -> l.startsWith("FATAL ERROR") || l.startsWith("ERROR"))
					.map(l -> l.replaceFirst("^(FATAL )?ERROR: ", "")).findFirst().orElse(stderr.strip());
			if (isBlob(input) && why.contains("magic"))
				why = "not a flattened device tree (" + why.toLowerCase() + ")";
			out.add(new DtDiagnostic(DtDiagnostic.Severity.ERROR, shownAs, 0, null, "dtc cannot read it: " + why));
		}
		return out;
	}
}
