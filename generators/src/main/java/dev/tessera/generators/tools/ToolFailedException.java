package dev.tessera.generators.tools;

/** An external tool ran and refused its input; the message carries what it said. */
public final class ToolFailedException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public ToolFailedException(String message) {
		super(message);
	}
}
