package dev.tessera.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.Severity;

/**
 * Prints diagnostics in a stable order: as text on standard error (file:line:col: severity: message [rule], the layout
 * of gcc that editors' and CI servers' problem matchers read), or as JSON or SARIF on standard output.
 */
final class Reporter {
	private final PrintWriter out;
	private final PrintWriter err;
	private final DiagnosticOptions options;
	private int errors;
	private int warnings;
	private boolean internal;

	Reporter(PrintWriter out, PrintWriter err, DiagnosticOptions options) {
		this.out = out;
		this.err = err;
		this.options = options;
	}

	void report(List<Diagnostic> diagnostics) {
		List<Diagnostic> sorted = diagnostics.stream().sorted(Diagnostic.ORDER).distinct().toList();
		for (Diagnostic d : sorted) {
			if (d.severity() == Severity.ERROR) errors++;
			else warnings++;
			if (d.ruleId().equals(dev.tessera.core.rules.RuleCatalogue.INTERNAL.id())) internal = true;
		}
		switch (options.format) {
		case text -> sorted.forEach(d -> err.println(d.format()));
		case json -> out.print(MachineDiagnostics.json(sorted));
		case sarif -> out.print(MachineDiagnostics.sarif(sorted));
		}
		out.flush();
		err.flush();
	}

	/** A line for people, on standard error unless --quiet; with text output the summary goes where it always went. */
	void say(String line) {
		if (options.quiet) return;
		(options.format == DiagnosticOptions.Format.text ? out : err).println(line);
	}

	void note(String line) {
		if (options.verbose) err.println("tessera: " + line);
	}

	int errors() {
		return errors;
	}

	/** The exit status for what was reported: a rule that could not run is Tessera's bug, not the model's. */
	int status() {
		return internal ? Main.INTERNAL : errors > 0 ? Main.MODEL_ERRORS : Main.OK;
	}

	String summary() {
		return errors + " error(s), " + warnings + " warning(s)";
	}
}
