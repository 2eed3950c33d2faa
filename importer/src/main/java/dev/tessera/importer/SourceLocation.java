package dev.tessera.importer;

/** A place in the device-tree sources: file and 1-based line (0 when unknown). */
public record SourceLocation(String file, int line) {
	public static SourceLocation unknown(String file) {
		return new SourceLocation(file, 0);
	}

	@Override
	public String toString() {
		return line > 0 ? file + ":" + line : file;
	}
}
