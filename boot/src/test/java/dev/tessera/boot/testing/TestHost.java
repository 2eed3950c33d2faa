package dev.tessera.boot.testing;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.qemu.BootResult;
import dev.tessera.boot.marker.MarkerKind;

/** Small helpers shared by the boot tests. */
public final class TestHost {

	private TestHost() {
	}

	/** Fails (never skips) when a host command the boot tests need is not on the PATH. */
	public static void requireCommands(String... commands) {
		List<String> missing = new ArrayList<>();
		for (String c : commands) {
			if (!onPath(c)) {
				missing.add(c);
			}
		}
		if (!missing.isEmpty()) {
			throw new BootAssets.MissingAssetsException("Host commands missing: " + missing + ".");
		}
	}

	public static boolean onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (new File(dir, command).canExecute()) {
				return true;
			}
		}
		return false;
	}

	public static long align2M(long v) {
		long a = 2L * 1024 * 1024;
		return (v + a - 1) / a * a;
	}

	/** A 64-bit value as two device-tree cells. */
	public static String cells(long v) {
		return "0x" + Long.toHexString(v >>> 32) + " 0x" + Long.toHexString(v & 0xffffffffL);
	}

	/** MemTotal is what the domain was given less what the kernel keeps: between 70 and 100 %. */
	public static void assertMemory(BootResult r, String domain, long givenMiB) {
		long kib = r.marker(domain, MarkerKind.MEM).orElseThrow(() -> new AssertionError(r.describe())).longField("kib");
		long given = givenMiB * 1024;
		org.junit.jupiter.api.Assertions.assertTrue(kib <= given && kib >= given * 7 / 10,
				() -> domain + " reports MemTotal " + kib + " KiB for " + given + " KiB given\n" + r.describe());
	}

	/** One line per boot on stdout, so timings show up in the build log. */
	public static void report(String what, BootResult r) {
		StringBuilder b = new StringBuilder("[boot] ").append(what).append(": ").append(r.outcome())
				.append(String.format(" in %.1f s", r.elapsed().toMillis() / 1000.0));
		r.seenAt().forEach((m, t) -> b.append(String.format("; %s @%.1fs", m, t.toMillis() / 1000.0)));
		if (!r.missing().isEmpty()) {
			b.append("; missing ").append(r.missing());
		}
		System.out.println(b);
	}
}
