package dev.tessera.generators.tools;

/** An external tool Tessera needs is not installed; the message says how to install it. */
public final class ToolMissingException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public ToolMissingException(String tool, String debianPackage) {
		super(tool + " is not installed (or not on PATH): Tessera needs it. On Debian or Ubuntu: "
				+ "sudo apt-get install " + debianPackage);
	}
}
