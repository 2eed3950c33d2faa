package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.pipeline.Pipeline;
import dev.tessera.boot.marker.MarkerKind;

/**
 * Every shipped example generates, and every xl config they produce is accepted by Xen's own parser: dom0 in
 * QEMU runs `xl -N create` (a dry run that parses the config and checks its values) on each. So is every
 * `xl <kind>-attach "<domain>" ...` line of their xl/start-domains.sh: dom0 runs it as `xl -N <kind>-attach` on
 * Domain-0 (a dry run still needs a domain that exists), which parses the device spec as the real attach would.
 */
class XlConfigsAcceptedByXlTest {
	/** A generated attach line: xl KIND-attach "DOMAIN" ARGUMENTS (names are quoted, without quotes inside). */
	static final Pattern ATTACH = Pattern.compile("xl (block|network|vdispl|vkb|vsnd)-attach \"([^\"]+)\"( .*)");

	/** The xl config of examples/text/hostile-text.tess and its text fields as the example writes them. */
	static final String HOSTILE_CONFIG = "hostile-text-guest.cfg";
	static final Map<String, String> HOSTILE_FIELDS = new TreeMap<>(Map.of(
			"kernel", "/var/lib/xen/it's \"the\" $kernel\\ {x} #1",
			"ramdisk", "/var/lib/xen/ram disk;&|`id`",
			"cmdline", "console=hvc0 q=\"a b\" bs=\\x\\\\y d=$HOME e=${x} s='it''s' c=a;echo x&&y||z|w <in >out t=`id` h=#x",
			"bridge", "br\"0'$x=y",
			"pdev_path", "/dev/disk/by-label/it's \"mine\" $x\\y=z",
			"short_name", "Card 'one' \"two\" $3=x"));
	/** One line of xl's JSON: "field": "value" with an optional comma. */
	static final Pattern JSON_FIELD = Pattern.compile("\"([a-z_]+)\": \"((?:[^\"\\\\]|\\\\.)*)\",?");
	/** One line of xl's JSON with a number: "field": 32 with an optional comma. */
	static final Pattern JSON_NUMBER = Pattern.compile("\"([a-z_]+)\": (\\d+),?");

	/** The cockpit's xl guest and the limits and actions it declares, as xl's configuration holds them. */
	static final String KNOBS_CONFIG = "cockpit-guest.cfg";
	static final Map<String, String> KNOBS = new TreeMap<>(Map.of("max_grant_frames", "32", "max_maptrack_frames", "256",
			"shadow_memkb", "16384", "on_crash", "restart", "on_reboot", "restart", "tee", "optee"));

	/** A generated xl.cfg line naming a cpupool or an XSM label (both plain names, no escapes). */
	static final Pattern XL_NAMED = Pattern.compile("(pool|seclabel) = \"([^\"\\\\]*)\"");

	@TempDir
	Path work;

	/** A JSON string's content decoded (yajl's escapes). */
	static String json(String s) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c != '\\') {
				b.append(c);
				continue;
			}
			char e = s.charAt(++i);
			switch (e) {
				case 'n' -> b.append('\n');
				case 't' -> b.append('\t');
				case 'r' -> b.append('\r');
				case 'b' -> b.append('\b');
				case 'f' -> b.append('\f');
				case 'u' -> {
					b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> b.append(e);
			}
		}
		return b.toString();
	}

	/** The fields xl -N printed for one config, strings decoded, numbers as written. */
	private static Map<String, String> parsed(SystemBooter.Report report, String config) {
		Map<String, String> parsed = new TreeMap<>();
		report.boot().markers().stream().filter(m -> m.is(MarkerKind.XLNOUT) && m.body().startsWith(config + " ")).forEach(m -> {
			String line = m.body().substring(config.length() + 1);
			Matcher f = JSON_FIELD.matcher(line), n = JSON_NUMBER.matcher(line);
			if (f.matches()) parsed.put(f.group(1), json(f.group(2)));
			else if (n.matches()) parsed.put(n.group(1), n.group(2));
			else throw new AssertionError("a field line the test cannot read: " + m.body());
		});
		return parsed;
	}

	@Test
	void everyExampleGeneratesAndXlAcceptsEveryXlConfig() throws Exception {
		Path root = BootScenariosTest.root();
		List<Path> examples;
		try (Stream<Path> s = Files.walk(root.resolve("examples"))) {
			examples = s.filter(p -> p.toString().endsWith(".tess")).sorted().toList();
		}
		Map<String, byte[]> configs = new TreeMap<>();
		Map<String, String> attaches = new TreeMap<>();
		for (Path ex : examples) {
			Path out = work.resolve("gen").resolve(root.resolve("examples").relativize(ex).toString().replace('/', '-'));
			// a FLASK example's policy is compiled against the source of the Xen it targets (4.17's is the harness's)
			Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(ex, null, null, out)
					.withXenSource(BootXen.sourceOf(new dev.tessera.core.xen.XenVersion(4, 17))));
			assertFalse(o.failed(), ex + ": " + o.diagnostics());
			Path xl = out.resolve("xl");
			if (!Files.isDirectory(xl)) continue;
			try (Stream<Path> cfgs = Files.list(xl)) {
				for (Path c : cfgs.filter(p -> p.toString().endsWith(".cfg")).toList())
					configs.put(ex.getFileName().toString().replace(".tess", "") + "-" + c.getFileName(), Files.readAllBytes(c));
			}
			Path script = xl.resolve("start-domains.sh");
			if (!Files.exists(script)) continue;
			int n = 0;
			for (String line : Files.readAllLines(script)) {
				if (!(line.startsWith("xl ") && line.contains("-attach"))) continue;
				Matcher m = ATTACH.matcher(line);
				assertTrue(m.matches(), ex + ": an attach line the test cannot read: " + line);
				attaches.put(String.format("%s-attach%02d-%s", ex.getFileName().toString().replace(".tess", ""), ++n, m.group(1)),
						"xl -N " + m.group(1) + "-attach \"Domain-0\"" + m.group(3) + "\n");
			}
		}
		assertTrue(configs.size() >= 3, "examples produce xl configs: " + configs.keySet());
		// the cockpit attaches all five kinds to Android, which Xen starts at boot
		for (String kind : List.of("block", "network", "vdispl", "vkb", "vsnd"))
			assertTrue(attaches.keySet().stream().anyMatch(k -> k.startsWith("rcar-h3-cockpit-attach") && k.endsWith("-" + kind)),
					"the cockpit's start script has a " + kind + "-attach line: " + attaches.keySet());

		Map<String, byte[]> files = new TreeMap<>();
		List<ExpectedMarker> expected = new ArrayList<>();
		configs.forEach((name, content) -> {
			files.put("/etc/xen/check/" + name, content);
			expected.add(ExpectedMarker.of("dom0", MarkerKind.XLN, "ok " + name));
		});
		attaches.forEach((name, line) -> {
			files.put("/etc/xen/check-attach/" + name + ".sh", line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			expected.add(ExpectedMarker.of("dom0", MarkerKind.XLA, "ok " + name));
		});
		Path system = work.resolve("xl-check.tess");
		Files.writeString(system, """
				system xl-check on qemu-virt {
					xen 4.17 { console uart0 image "xen" max 4M }
					domain dom0 control { os linux memory 512M vcpus 1 kernel "Image" max 40M ramdisk "initrd.cpio.gz" max 16M }
				}
				""");
		SystemBooter.Report report = new SystemBooter().boot(new SystemBooter.Request(system, null, null, Route.DIRECT, true,
				XenRequest.SYSTEM, Duration.ofMinutes(4), work.resolve("boot"), out -> { },
				new MarkerExtras(files, List.of("tess_xlcheck=1"), expected)), line -> { });
		List<String> verdicts = report.boot().markers().stream().filter(m -> m.is(MarkerKind.XLN) || m.is(MarkerKind.XLA)).map(m -> m.body()).toList();
		assertTrue(report.passed(), "xl -N create and attach verdicts: " + verdicts + "\n" + report.boot().describe());
		java.lang.System.out.printf("xl accepted %d configs and %d attach lines%n", configs.size(), attaches.size());
		// examples/text/hostile-text.tess: every text field reaches xl's configuration as written
		Map<String, String> parsed = parsed(report, HOSTILE_CONFIG);
		parsed.keySet().retainAll(HOSTILE_FIELDS.keySet());
		assertEquals(HOSTILE_FIELDS, parsed, "what xl parsed from " + HOSTILE_CONFIG);
		// examples/ivi/cockpit.tess: the xl guest's grant limits, p2m pool (shadow_memory, in KiB), actions and TEE
		Map<String, String> knobs = parsed(report, KNOBS_CONFIG);
		knobs.keySet().retainAll(KNOBS.keySet());
		assertEquals(KNOBS, knobs, "what xl parsed from " + KNOBS_CONFIG);
		// every generated pool and seclabel, in every example's configs, as xl holds it (pool_name, ssid_label)
		int named = 0;
		for (var c : configs.entrySet()) {
			Map<String, String> fields = parsed(report, c.getKey());
			for (String line : new String(c.getValue(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
				Matcher m = XL_NAMED.matcher(line);
				if (!m.matches()) continue;
				assertEquals(m.group(2), fields.get(m.group(1).equals("pool") ? "pool_name" : "ssid_label"), c.getKey() + ": " + line);
				named++;
			}
		}
		assertTrue(named >= 2, "the examples name a pool (cpupool-xl) and a seclabel (hostile-text): " + named);
		report.boot().markers().stream().filter(m -> m.is(MarkerKind.XLAOUT)).forEach(m -> java.lang.System.out.println("xl -N: " + m.body()));
	}
}
