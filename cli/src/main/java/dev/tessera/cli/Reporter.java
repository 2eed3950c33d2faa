package dev.tessera.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.Severity;

/** Prints diagnostics as file:line:col: severity [rule] message, in a stable order. */
final class Reporter {
	private final PrintWriter err;
	private int errors;
	private int warnings;

	Reporter(PrintWriter err) {
		this.err = err;
	}

	void report(List<Diagnostic> diagnostics) {
		diagnostics.stream().sorted(Diagnostic.ORDER).distinct().forEach(d -> {
			err.println(d.format());
			if (d.severity() == Severity.ERROR) errors++;
			else warnings++;
		});
		err.flush();
	}

	int errors() {
		return errors;
	}

	String summary() {
		return errors + " error(s), " + warnings + " warning(s)";
	}
}
