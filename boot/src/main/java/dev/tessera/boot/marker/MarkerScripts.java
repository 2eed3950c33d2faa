package dev.tessera.boot.marker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The scripts that run inside every domain of a marker boot, resources of this package: {@code init.sh}, the
 * initramfs's {@code /init} (busybox, the domain's memory and CPUs, dom0's xenstored and xl), and {@code hook.sh},
 * which {@code /init} sources as {@code /tess/hook} for the checks the harness asks for with {@code tess_*} boot
 * arguments. Every kind of marker they print is a {@link MarkerKind}.
 */
public final class MarkerScripts {
	public static final String INIT = "init.sh";
	public static final String HOOK = "hook.sh";
	/** Both, in the order /init runs them. */
	public static final List<String> ALL = List.of(INIT, HOOK);

	/** What a driver domain writes at the start of every disk image it serves (hook.sh), followed by the image's path. */
	public static final String DISK_TEXT = "tessera-disk";
	/** The word the owner of static shared memory writes and each borrower waits for (hook.sh). */
	public static final String SHM_WORD = "0x7E55A11D";

	private MarkerScripts() {
	}

	public static String init() {
		return text(INIT);
	}

	public static String hook() {
		return text(HOOK);
	}

	/** One of {@link #ALL}. */
	public static String text(String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	static byte[] bytes(String name) {
		try (InputStream in = MarkerScripts.class.getResourceAsStream(name)) {
			if (in == null) throw new IllegalStateException("no script " + name + " beside " + MarkerScripts.class.getName());
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
