package dev.tessera.core.diag;

/** How bad a finding is: errors stop generation, warnings are reported and generation goes on. */
public enum Severity {
	ERROR, WARNING;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
