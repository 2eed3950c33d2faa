package dev.tessera.generators.output;

import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Swaps two directories in one step with Linux's {@code renameat2(RENAME_EXCHANGE)} (kernel 3.15, glibc 2.28), so
 * an output folder is never missing, not even for an instant. Java has no such call, hence JNA; where the call is
 * missing (another OS, an old C library) or the file system refuses it, {@link #swap} answers false and the caller
 * falls back to renames it can repair.
 */
final class DirectoryExchange {
	private static final int AT_FDCWD = -100;
	private static final int RENAME_EXCHANGE = 1 << 1;

	/** Whether the C library has renameat2; decided once, on the first swap. */
	private static final boolean AVAILABLE = bind();

	private DirectoryExchange() {
	}

	private static boolean bind() {
		if (!Platform.isLinux() || Boolean.getBoolean("tessera.output.noExchange")) return false;
		try {
			Native.register(DirectoryExchange.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
			return true;
		} catch (Throwable e) { // UnsatisfiedLinkError, or JNA's own native part missing for this machine
			return false;
		}
	}

	private static native int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags)
			throws LastErrorException;

	/** Exchanges a and b, both existing directories; false when this system cannot do it in one step. */
	static boolean swap(Path a, Path b) {
		if (!AVAILABLE) return false;
		try {
			return renameat2(AT_FDCWD, a.toString(), AT_FDCWD, b.toString(), RENAME_EXCHANGE) == 0;
		} catch (LastErrorException e) {
			return false; // EINVAL (file system without exchange), ENOSYS (kernel without renameat2), ...
		}
	}
}
