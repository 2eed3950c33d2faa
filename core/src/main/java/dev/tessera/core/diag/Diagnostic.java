package dev.tessera.core.diag;

import java.util.Comparator;

/** A finding placed in a source file, as every face of Tessera prints it. Lines and columns count from 1. */
public record Diagnostic(String file, int line, int column, Severity severity, String ruleId, String message) {

	/** Stable order: by file, position, then rule id and message. */
	public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
			.thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId)
			.thenComparing(Diagnostic::message);

	/** file:line:col: error: message [rule], as gcc writes a diagnostic: what editors' and CI servers' matchers read. */
	public String format() {
		return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message + " [" + ruleId + "]";
	}
}
