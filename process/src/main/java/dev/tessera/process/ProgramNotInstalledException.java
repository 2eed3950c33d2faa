package dev.tessera.process;

/** An external program Tessera needs could not be started: it is not installed, or not on PATH. */
public final class ProgramNotInstalledException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final String program;
	private final String debianPackage;

	public ProgramNotInstalledException(String program, String debianPackage, Throwable cause) {
		super(program + " is not installed (or not on PATH): Tessera needs it. On Debian or Ubuntu: "
				+ "sudo apt-get install " + debianPackage, cause);
		this.program = program;
		this.debianPackage = debianPackage;
	}

	/** The program as it was named. */
	public String program() {
		return program;
	}

	/** The Debian package that installs it. */
	public String debianPackage() {
		return debianPackage;
	}
}
