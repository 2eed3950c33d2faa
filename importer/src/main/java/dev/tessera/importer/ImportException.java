package dev.tessera.importer;

import java.util.List;

/** The input cannot be imported: the diagnostics say where and why. */
public final class ImportException extends Exception {
	private static final long serialVersionUID = 1L;
	private final transient List<DtDiagnostic> diagnostics;

	public ImportException(List<DtDiagnostic> diagnostics) {
		super(diagnostics.isEmpty() ? "import failed" : diagnostics.get(0).format());
		this.diagnostics = List.copyOf(diagnostics);
	}

	public ImportException(DtDiagnostic diagnostic) {
		this(List.of(diagnostic));
	}

	public List<DtDiagnostic> diagnostics() {
		return diagnostics;
	}
}
