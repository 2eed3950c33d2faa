package dev.tessera.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example's generated output, byte for byte: each file of each example (and of the systems under this
 * module's test resources, which cover dynamic and preloaded addressing) has the sha256 recorded in
 * {@code examples/outputs.sha256}. A change that alters what Tessera emits shows here, file by file; when it is
 * meant, record the new digests with {@code ./mvnw -pl pipeline -am test -Dtest=ExampleOutputsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtessera.updateDigests=true} and let the review read the change.
 */
class ExampleOutputsTest {
	static final Path ROOT = root();
	static final Path DIGESTS = ROOT.resolve("examples/outputs.sha256");

	@TempDir
	Path work;

	@Test
	void everyExampleGeneratesTheRecordedBytes() throws IOException {
		TreeMap<String, String> actual = new TreeMap<>();
		for (Path system : systems()) {
			String name = name(system);
			Path out = work.resolve(name.replace('/', '_'));
			record(system, name, out, Products.SYSTEM, actual);
			// and each variant of the line, as NAME@VARIANT
			for (var v : new Pipeline().load(system, null).system().getVariants())
				record(system, name + "@" + v.getName(), work.resolve(name.replace('/', '_') + "@" + v.getName()),
						Products.named(List.of(v.getName())), actual);
		}
		StringBuilder text = new StringBuilder();
		actual.forEach((file, digest) -> text.append(digest).append("  ").append(file).append('\n'));
		if (Boolean.getBoolean("tessera.updateDigests")) {
			Files.writeString(DIGESTS, text);
			return;
		}
		TreeMap<String, String> recorded = new TreeMap<>();
		for (String line : Files.readAllLines(DIGESTS))
			if (!line.isBlank()) recorded.put(line.substring(66), line.substring(0, 64));
		List<String> changed = new ArrayList<>();
		for (String f : recorded.keySet()) if (!actual.containsKey(f)) changed.add("no longer written: " + f);
		for (var e : actual.entrySet())
			if (!recorded.containsKey(e.getKey())) changed.add("new: " + e.getKey());
			else if (!recorded.get(e.getKey()).equals(e.getValue())) changed.add("changed: " + e.getKey());
		assertEquals(List.of(), changed, "generated output differs from " + DIGESTS);
	}

	private static void record(Path system, String name, Path out, Products products, TreeMap<String, String> actual) throws IOException {
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(system, null, null, out).withProducts(products).withXenSource(xenSource()));
		assertFalse(o.failed(), name + ": " + o.diagnostics() + " " + o.stop()
				+ " (a system with xsm flask needs Xen 4.17's source: TESSERA_XEN_SOURCE, or e2e/assets.sh's cache)");
		try (Stream<Path> files = Files.walk(out)) {
			for (Path f : files.filter(Files::isRegularFile).toList())
				actual.put(name + "/" + out.relativize(f).toString().replace('\\', '/'), sha256(f));
		}
	}

	/**
	 * The Xen source tree FLASK policies are compiled against: TESSERA_XEN_SOURCE, else the one e2e/assets.sh unpacks
	 * (scripts/test.sh prepares it before the tests), else none.
	 */
	static Path xenSource() {
		String env = java.lang.System.getenv("TESSERA_XEN_SOURCE");
		if (env != null && !env.isBlank()) return Path.of(env);
		String cache = java.lang.System.getenv("TESSERA_CACHE");
		Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(java.lang.System.getProperty("user.home"), ".cache", "tessera");
		Path src = base.resolve("e2e/xen-source/src");
		return Files.isDirectory(src) ? src : null;
	}

	/** Every system file under examples/ and this module's test resources. */
	static List<Path> systems() throws IOException {
		List<Path> out = new ArrayList<>();
		for (Path dir : List.of(ROOT.resolve("examples"), ROOT.resolve("pipeline/src/test/resources/systems")))
			try (Stream<Path> s = Files.walk(dir)) {
				s.filter(p -> p.toString().endsWith(".tess")).filter(ExampleOutputsTest::declaresSystem).sorted().forEach(out::add);
			}
		return out;
	}

	/** examples/ivi/cockpit.tess → ivi/cockpit; a test resource → systems/NAME. */
	static String name(Path system) {
		Path rel = system.startsWith(ROOT.resolve("examples")) ? ROOT.resolve("examples").relativize(system)
				: Path.of("systems").resolve(system.getFileName());
		String s = rel.toString().replace('\\', '/');
		return s.substring(0, s.length() - ".tess".length());
	}

	private static boolean declaresSystem(Path p) {
		try {
			return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("system "));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String sha256(Path f) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static Path root() {
		Path p = Path.of("").toAbsolutePath();
		while (p != null && !Files.isDirectory(p.resolve("examples"))) p = p.getParent();
		return p;
	}
}
