package dev.tessera.boot.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootAssetsTest {

	@TempDir
	Path tmp;

	String env(Path dir) throws IOException {
		StringBuilder b = new StringBuilder("[assets] progress goes to stderr, but be lenient\n");
		for (String k : BootAssets.REQUIRED) {
			Path p = dir.resolve(k.toLowerCase());
			Files.writeString(p, k);
			b.append(k).append('=').append(p).append('\n');
		}
		return b.toString();
	}

	@Test
	void parsesKeyValueLinesOnly() {
		Map<String, String> m = BootAssets.parse("noise\nXEN_DEBIAN=/a/xen\nlower=x\nBUSYBOX=/b/busybox\n");
		assertEquals(Map.of("XEN_DEBIAN", "/a/xen", "BUSYBOX", "/b/busybox"), m);
	}

	@Test
	void aCompleteCacheIsUsedAndAnIncompleteOneIsNot() throws IOException {
		Files.writeString(tmp.resolve("assets.env"), env(tmp));
		BootAssets a = BootAssets.fromCache(tmp).orElseThrow();
		assertEquals(tmp.resolve("xen_debian"), a.xenDebian());
		Files.delete(tmp.resolve("busybox"));
		assertTrue(BootAssets.fromCache(tmp).isEmpty());
		assertTrue(BootAssets.fromCache(tmp.resolve("nothing-here")).isEmpty());
	}

	@Test
	void preparingRunsTheScriptAndReadsItsOutput() throws IOException {
		Path data = Files.createDirectories(tmp.resolve("data"));
		Path script = tmp.resolve("assets.sh");
		Files.writeString(script, "echo 'working' >&2\ncat <<'EOF'\n" + env(data) + "EOF\n");
		BootAssets a = BootAssets.prepare(script, tmp.resolve("cache"));
		assertEquals(data.resolve("linux_image"), a.linuxImage());
	}

	@Test
	void aScriptThatCannotPrepareGivesAClearMessage() throws IOException {
		Path script = tmp.resolve("assets.sh");
		Files.writeString(script, "echo 'assets.sh: host prerequisites missing: qemu-system-arm' >&2\nexit 2\n");
		BootAssets.MissingAssetsException e = assertThrows(BootAssets.MissingAssetsException.class,
				() -> BootAssets.prepare(script, tmp.resolve("cache")));
		assertTrue(e.getMessage().contains("host prerequisites missing"), e.getMessage());
		assertTrue(e.getMessage().contains("Run e2e/assets.sh"), e.getMessage());
	}
}
