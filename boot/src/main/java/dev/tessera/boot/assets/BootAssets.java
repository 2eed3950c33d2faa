package dev.tessera.boot.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * The binaries a boot needs, as prepared by {@code e2e/assets.sh}: read from the cache's
 * {@code assets.env} when it is complete, otherwise by running the script and parsing the
 * {@code KEY=path} lines it prints.
 *
 * <p>Where: the cache directory is {@code $TESSERA_CACHE/e2e} (default
 * {@code ~/.cache/tessera/e2e}), or the system property {@code tessera.e2e.cache}. The script is
 * {@code e2e/assets.sh} found from the working directory upwards, or the system property
 * {@code tessera.e2e.assetsScript}. {@code -Dtessera.e2e.prepare=false} forbids running it.
 */
public final class BootAssets {

	public static final String XEN_DEBIAN = "XEN_DEBIAN";
	public static final String XEN_DEBIAN_CONFIG = "XEN_DEBIAN_CONFIG";
	public static final String XEN_FEATURES = "XEN_FEATURES";
	public static final String XEN_FEATURES_CONFIG = "XEN_FEATURES_CONFIG";
	public static final String LINUX_IMAGE = "LINUX_IMAGE";
	public static final String LINUX_XEN_MODULES = "LINUX_XEN_MODULES";
	public static final String BUSYBOX = "BUSYBOX";
	public static final String XEN_TOOLS_ROOT = "XEN_TOOLS_ROOT";
	/** Xen's hotplug scripts inside XEN_TOOLS_ROOT (a cache made before they were added lacks the key). */
	public static final String XEN_HOTPLUG_SCRIPTS = "XEN_HOTPLUG_SCRIPTS";
	public static final String UBOOT_QEMU_ARM64 = "UBOOT_QEMU_ARM64";
	// item group xen420: Debian 13's Xen 4.20 for arm64 and its tools
	public static final String XEN_DEBIAN_420 = "XEN_DEBIAN_420";
	public static final String XEN_DEBIAN_420_CONFIG = "XEN_DEBIAN_420_CONFIG";
	public static final String XEN_TOOLS_ROOT_420 = "XEN_TOOLS_ROOT_420";
	public static final String XEN_HOTPLUG_SCRIPTS_420 = "XEN_HOTPLUG_SCRIPTS_420";
	// item group arm32: Debian 12's armhf Xen 4.17, Linux, busybox and tools, U-Boot for QEMU's arm32 virt
	public static final String XEN_DEBIAN_ARMHF = "XEN_DEBIAN_ARMHF";
	public static final String XEN_DEBIAN_ARMHF_CONFIG = "XEN_DEBIAN_ARMHF_CONFIG";
	public static final String LINUX_ZIMAGE_ARMHF = "LINUX_ZIMAGE_ARMHF";
	public static final String LINUX_XEN_MODULES_ARMHF = "LINUX_XEN_MODULES_ARMHF";
	public static final String BUSYBOX_ARMHF = "BUSYBOX_ARMHF";
	public static final String XEN_TOOLS_ROOT_ARMHF = "XEN_TOOLS_ROOT_ARMHF";
	public static final String XEN_HOTPLUG_SCRIPTS_ARMHF = "XEN_HOTPLUG_SCRIPTS_ARMHF";
	public static final String UBOOT_QEMU_ARM = "UBOOT_QEMU_ARM";
	// item group rt: dom0's tessera-sched (built against Debian 12's libxen 4.17) and the bare CPU burner
	public static final String TESSERA_SCHED = "TESSERA_SCHED";
	public static final String TESSERA_BURNER = "TESSERA_BURNER";

	/** The keys every complete cache has. */
	public static final List<String> REQUIRED = List.of(XEN_DEBIAN, XEN_DEBIAN_CONFIG, XEN_FEATURES,
			XEN_FEATURES_CONFIG, LINUX_IMAGE, LINUX_XEN_MODULES, BUSYBOX, XEN_TOOLS_ROOT, XEN_HOTPLUG_SCRIPTS, UBOOT_QEMU_ARM64);

	/**
	 * The item groups of {@code e2e/assets.sh} beyond the base items ({@link #REQUIRED}): a boot that needs one asks for
	 * it ({@link #need}), and a cache without it says which {@code --items} to run.
	 */
	public enum Group {
		XEN420("xen420", XEN_DEBIAN_420, XEN_DEBIAN_420_CONFIG, XEN_TOOLS_ROOT_420, XEN_HOTPLUG_SCRIPTS_420),
		ARM32("arm32", XEN_DEBIAN_ARMHF, XEN_DEBIAN_ARMHF_CONFIG, LINUX_ZIMAGE_ARMHF, LINUX_XEN_MODULES_ARMHF, BUSYBOX_ARMHF,
				XEN_TOOLS_ROOT_ARMHF, XEN_HOTPLUG_SCRIPTS_ARMHF, UBOOT_QEMU_ARM),
		RT("rt", TESSERA_SCHED, TESSERA_BURNER);

		/** Its name for {@code e2e/assets.sh --items}. */
		public final String items;
		public final List<String> keys;

		Group(String items, String... keys) {
			this.items = items;
			this.keys = List.of(keys);
		}
	}

	private static final String HOW_TO = "Run e2e/assets.sh (as root on Debian 12: it installs QEMU, "
			+ "dtc, U-Boot tools and the cross compiler, then downloads and builds into "
			+ "${TESSERA_CACHE:-~/.cache/tessera}/e2e) before the boot tests.";

	/** Thrown when the assets are not there and could not be prepared. */
	public static final class MissingAssetsException extends IllegalStateException {
		private static final long serialVersionUID = 1L;

		public MissingAssetsException(String message) {
			super(message + "\n" + HOW_TO);
		}

		/** With {@code howTo} false the message says itself what to run. */
		public MissingAssetsException(String message, boolean howTo) {
			super(howTo ? message + "\n" + HOW_TO : message);
		}
	}

	private final Map<String, String> values;

	private BootAssets(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	/** {@code tessera.e2e.cache}, else {@code $TESSERA_CACHE/e2e}, else {@code ~/.cache/tessera/e2e}. */
	public static Path defaultCacheDir() {
		String prop = System.getProperty("tessera.e2e.cache");
		if (prop != null && !prop.isBlank()) {
			return Paths.get(prop);
		}
		String env = System.getenv("TESSERA_CACHE");
		Path base = env != null && !env.isBlank() ? Paths.get(env)
				: Paths.get(System.getProperty("user.home"), ".cache", "tessera");
		return base.resolve("e2e");
	}

	/** The assets listed in {@code cacheDir/assets.env}, if that file exists and all of them exist. */
	public static Optional<BootAssets> fromCache(Path cacheDir) {
		Path env = cacheDir.resolve("assets.env");
		if (!Files.isRegularFile(env)) {
			return Optional.empty();
		}
		try {
			BootAssets a = new BootAssets(parse(Files.readString(env, StandardCharsets.UTF_8)));
			return a.problems().isEmpty() ? Optional.of(a) : Optional.empty();
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	/** Parses {@code KEY=value} lines; other lines are ignored. */
	public static Map<String, String> parse(String text) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			String l = line.strip();
			int eq = l.indexOf('=');
			if (eq > 0 && l.substring(0, eq).matches("[A-Z][A-Z0-9_]*")) {
				m.put(l.substring(0, eq), l.substring(eq + 1));
			}
		}
		return m;
	}

	/** Assets from the default cache, preparing them with {@code e2e/assets.sh} if needed. */
	public static BootAssets require() {
		Path cache = defaultCacheDir();
		Optional<BootAssets> cached = fromCache(cache);
		if (cached.isPresent()) {
			return cached.get();
		}
		if ("false".equalsIgnoreCase(System.getProperty("tessera.e2e.prepare", "true"))) {
			throw new MissingAssetsException("Boot assets are missing or incomplete in " + cache
					+ " (and -Dtessera.e2e.prepare=false forbids preparing them here).");
		}
		Path script = findScript().orElseThrow(() -> new MissingAssetsException(
				"Boot assets are missing in " + cache + " and e2e/assets.sh was not found from "
						+ System.getProperty("user.dir") + " upwards (set -Dtessera.e2e.assetsScript=PATH)."));
		return prepare(script, cache);
	}

	/** Runs the script (up to 30 minutes) with the given cache and parses its output. */
	public static BootAssets prepare(Path script, Path cacheDir, String... moreArgs) {
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		TailBuffer stderr = new TailBuffer(8192);
		int code;
		try {
			CommandLine cl = new CommandLine("bash");
			cl.addArgument(script.toAbsolutePath().toString(), false);
			cl.addArgument("--cache", false);
			cl.addArgument(cacheDir.toAbsolutePath().toString(), false);
			for (String a : moreArgs) cl.addArgument(a, false);
			DefaultExecutor ex = DefaultExecutor.builder().get();
			ex.setStreamHandler(new PumpStreamHandler(stdout, new TeeToStderr(stderr)));
			ex.setWatchdog(ExecuteWatchdog.builder().setTimeout(Duration.ofMinutes(30)).get());
			ex.setExitValues(null);
			code = ex.execute(cl);
		} catch (IOException e) {
			throw new MissingAssetsException("Could not run " + script + ": " + e.getMessage());
		}
		if (code != 0) {
			throw new MissingAssetsException(script + " exited " + code
					+ (code == 2 ? " (host prerequisites missing)" : "") + ":\n" + stderr);
		}
		BootAssets a = new BootAssets(parse(stdout.toString(StandardCharsets.UTF_8)));
		List<String> problems = a.problems();
		if (!problems.isEmpty()) {
			throw new MissingAssetsException(script + " finished but " + problems);
		}
		return a;
	}

	/** e2e/assets.sh from the property, or from the working directory upwards. */
	public static Optional<Path> findScript() {
		String prop = System.getProperty("tessera.e2e.assetsScript");
		if (prop != null && !prop.isBlank()) {
			return Optional.of(Paths.get(prop)).filter(Files::isRegularFile);
		}
		for (Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
			Path s = d.resolve("e2e").resolve("assets.sh");
			if (Files.isRegularFile(s)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	private List<String> problems() {
		return problems(REQUIRED);
	}

	private List<String> problems(List<String> keys) {
		return keys.stream()
				.map(k -> !values.containsKey(k) ? k + " not listed"
						: !Files.exists(Paths.get(values.get(k))) ? k + "=" + values.get(k) + " does not exist" : null)
				.filter(p -> p != null)
				.toList();
	}

	/** Whether the cache has every item of a group. */
	public boolean has(Group g) {
		return problems(g.keys).isEmpty();
	}

	/** Checks that the cache has a group's items; otherwise says which {@code e2e/assets.sh --items} prepares them. */
	public BootAssets need(Group g) {
		List<String> problems = problems(g.keys);
		if (!problems.isEmpty())
			throw new MissingAssetsException("The boot assets lack the item group " + g.items + " (" + String.join("; ", problems)
					+ "): run e2e/assets.sh --items " + g.items + " (as root; it adds to the cache " + defaultCacheDir() + ").", false);
		return this;
	}

	/**
	 * Assets from the default cache with the given groups: when a group is missing and preparing is allowed (tests), the
	 * script runs for the base items and those groups.
	 */
	public static BootAssets require(Group... groups) {
		BootAssets a = require();
		List<Group> missing = java.util.Arrays.stream(groups).filter(g -> !a.has(g)).toList();
		if (missing.isEmpty() || "false".equalsIgnoreCase(System.getProperty("tessera.e2e.prepare", "true"))) {
			for (Group g : groups) a.need(g);
			return a;
		}
		Path script = findScript().orElseThrow(() -> new MissingAssetsException("e2e/assets.sh was not found from "
				+ System.getProperty("user.dir") + " upwards (set -Dtessera.e2e.assetsScript=PATH)."));
		String items = "base," + String.join(",", missing.stream().map(g -> g.items).toList());
		BootAssets prepared = prepare(script, defaultCacheDir(), "--items", items);
		for (Group g : groups) prepared.need(g);
		return prepared;
	}

	public Path path(String key) {
		String v = values.get(key);
		if (v == null) {
			throw new MissingAssetsException("Boot assets do not list " + key + ".");
		}
		return Paths.get(v);
	}

	public Map<String, String> values() {
		return values;
	}

	/** Debian's xen-hypervisor-4.17-arm64 (credit/credit2 only). */
	public Path xenDebian() {
		return path(XEN_DEBIAN);
	}

	/** Xen 4.17 from Debian's source with static memory/shm, boot-time cpupools, null/RTDS/ARINC 653. */
	public Path xenFeatures() {
		return path(XEN_FEATURES);
	}

	public Path xenFeaturesConfig() {
		return path(XEN_FEATURES_CONFIG);
	}

	/** The uncompressed arm64 Image of linux-image-cloud-arm64. */
	public Path linuxImage() {
		return path(LINUX_IMAGE);
	}

	/** The kernel's Xen driver modules and their {@code load-order}. */
	public Path linuxXenModules() {
		return path(LINUX_XEN_MODULES);
	}

	/** busybox-static for arm64. */
	public Path busybox() {
		return path(BUSYBOX);
	}

	/** xl, xenstored and their libraries, laid out as a root file system. */
	public Path xenToolsRoot() {
		return path(XEN_TOOLS_ROOT);
	}

	/** Xen's hotplug scripts ({@code /etc/xen/scripts} of xen-utils-common, run by bash), inside {@link #xenToolsRoot()}. */
	public Path xenHotplugScripts() {
		return path(XEN_HOTPLUG_SCRIPTS);
	}

	public Path ubootQemuArm64() {
		return path(UBOOT_QEMU_ARM64);
	}

	public Path xenDebianConfig() {
		return path(XEN_DEBIAN_CONFIG);
	}

	/** Keeps the last bytes written (for error messages). */
	private static final class TailBuffer extends OutputStream {
		private final int max;
		private final StringBuilder b = new StringBuilder();

		TailBuffer(int max) {
			this.max = max;
		}

		@Override
		public synchronized void write(int c) {
			b.append((char) (c & 0xff));
			if (b.length() > 2 * max) {
				b.delete(0, b.length() - max);
			}
		}

		@Override
		public synchronized String toString() {
			return b.length() > max ? b.substring(b.length() - max) : b.toString();
		}
	}

	/** Shows the script's progress on our stderr while keeping its tail. */
	private static final class TeeToStderr extends OutputStream {
		private final TailBuffer tail;

		TeeToStderr(TailBuffer tail) {
			this.tail = tail;
		}

		@Override
		public void write(int c) {
			tail.write(c);
			System.err.write(c);
		}

		@Override
		public void write(byte[] buf, int off, int len) {
			for (int i = 0; i < len; i++) {
				tail.write(buf[off + i]);
			}
			System.err.write(buf, off, len);
		}
	}
}
