package dev.tessera.importer;

/**
 * What the importer says about its input: the file and line it comes from (line 0 when unknown, as in a .dtb),
 * the device-tree node concerned (null when none), and a message.
 */
public record DtDiagnostic(Severity severity, String file, int line, String node, String message) {
	public enum Severity {
		ERROR, WARNING
	}

	public static DtDiagnostic error(SourceLocation at, String node, String message) {
		return new DtDiagnostic(Severity.ERROR, at.file(), at.line(), node, message);
	}

	public static DtDiagnostic warning(SourceLocation at, String node, String message) {
		return new DtDiagnostic(Severity.WARNING, at.file(), at.line(), node, message);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** file:line: error: node /path: message */
	public String format() {
		StringBuilder b = new StringBuilder(file == null ? "<input>" : file);
		if (line > 0) b.append(':').append(line);
		b.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
		if (node != null) b.append("node ").append(node).append(": ");
		return b.append(message).toString();
	}
}
