package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.testing.TestHost;
import dev.tessera.core.plan.OutputFiles;

/**
 * The xen.cfg policy (no quoting; text.xen-cfg refuses '#' and what kernel= would split; text.fat-name what FAT cannot
 * hold) proven by its consumer: AAVMF starts Xen 4.17 as an EFI application, Xen's EFI loader reads the generated
 * xen.cfg whose options line, dom0 kernel line and file names hold every character left legal, loads every file by its
 * exact name from the FAT partition, and Xen and dom0's Linux print the command lines they received. The negative
 * control puts a '#' into the generated options line, as an unchecked model would: Xen's loader cuts the line there.
 */
class UefiCarriesHostileTextTest {
	/** Everything xen.cfg leaves legal that a shell, hush or an xl spec would read specially. */
	static final String HOSTILE = "tq=\"a b\" tbs=\\x\\\\y td=$HOME te=${x} ts='it''s' tc=a;echo&&y||z|w <in >out tt=`id` tb={x} tp=50%";
	static final String DOM0_KERNEL = "Im$ge's;&`{}=,%[x]+~";
	static final String DOMU_KERNEL = "dom U's ${x} [1]!.bin";

	Path work;

	@BeforeAll
	static void prepare() {
		BootAssets.require();
		TestHost.requireCommands("qemu-system-aarch64", "mkfs.vfat", "mcopy", "mmd");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(UefiRoute.CODE), "AAVMF is installed by scripts/install-tools.sh");
	}

	@org.junit.jupiter.api.BeforeEach
	void folder(TestInfo t) throws Exception {
		work = Path.of("target", "boot-tests", "uefi-hostile", t.getTestMethod().orElseThrow().getName()).toAbsolutePath();
		if (Files.exists(work)) try (var s = Files.walk(work)) {
			s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		Files.createDirectories(work);
	}

	@Test
	void xensEfiLoaderReadsEveryCommandLineAndFileNameAsWritten() throws Exception {
		SystemBooter.Report r = boot(out -> { });
		assertTrue(r.passed(), () -> r.problems() + "\n" + r.boot().describe());
		String log = Files.readString(r.boot().serialLog(), StandardCharsets.UTF_8);
		String xen = xenCommandLine(r);
		assertTrue(xen.endsWith(" " + HOSTILE), () -> "Xen's command line as written:\n" + xen);
		// dom0's Linux, not the boot domain's (which may come first)
		String dom0 = log.lines().filter(l -> l.contains("Kernel command line: ") && l.contains("guest=dom0")).findFirst()
				.map(l -> l.substring(l.indexOf("Kernel command line: ") + "Kernel command line: ".length()).stripTrailing())
				.orElseThrow(() -> new AssertionError("no kernel command line of dom0 in the serial log"));
		assertTrue(dom0.endsWith(" " + HOSTILE), () -> "dom0's command line as written:\n" + dom0);
		String cfg = Files.readString(work.resolve("out").resolve(OutputFiles.UEFI_CONFIG));
		assertTrue(cfg.contains("kernel=" + DOM0_KERNEL + " "), cfg);
	}

	@Test
	void aCommentInTheOptionsLineCutsItThereWhichIsWhyTheRuleRefusesIt() throws Exception {
		SystemBooter.Report r = boot(out -> {
			Path cfg = out.resolve(OutputFiles.UEFI_CONFIG);
			try {
				String s = Files.readString(cfg);
				assertTrue(s.contains(" " + HOSTILE + "\n"), s);
				Files.writeString(cfg, s.replaceFirst("(options=[^\n]*) tq=", "$1 #tq="));
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		String xen = xenCommandLine(r);
		assertFalse(xen.contains("tq="), () -> "Xen's loader ends the line at '#':\n" + xen);
		assertFalse(xen.contains("#"), xen);
	}

	private SystemBooter.Report boot(java.util.function.Consumer<Path> tamper) throws Exception {
		Path tess = work.resolve("hostile-uefi.tess");
		Files.writeString(tess, "system hostile on qemu-virt-efi {\n"
				+ "\txen 4.17 { console uart0 image \"xen\" max 4M cmdline " + tess(HOSTILE) + " }\n"
				+ "\tdomain dom0 control { os linux memory 256M vcpus 1 kernel " + tess(DOM0_KERNEL) + " max 40M ramdisk "
				+ "\"initrd.cpio.gz\" max 16M cmdline \"console=hvc0\" }\n"
				+ "\tdomain domU1 at-boot { os linux memory 128M vcpus 1 kernel " + tess(DOMU_KERNEL) + " max 40M ramdisk "
				+ "\"initrd.cpio.gz\" max 16M cmdline \"console=ttyAMA0\" }\n"
				+ "}\n", StandardCharsets.UTF_8);
		// dom0 prints xl info's xen_commandline, the line Xen kept (Xen on Arm does not print it), in pieces
		MarkerExtras hostileDom0 = new MarkerExtras(Map.of(), List.of("tess_xencmd=1"), Map.of("dom0", List.of(HOSTILE)),
				List.of(ExpectedMarker.of("dom0", MarkerKind.XENCMD, "0[")));
		SystemBooter.Report r = new SystemBooter().boot(new SystemBooter.Request(tess, null, null, Route.UEFI, true,
				XenRequest.SYSTEM, Duration.ofSeconds(120), work, tamper, hostileDom0), l -> { });
		assertTrue(r.boot() != null, () -> "generated: " + r.diagnostics());
		TestHost.report("xen.cfg carries hostile text", r.boot());
		return r;
	}

	/** What dom0's xl info printed as xen_commandline, put together from its numbered pieces. */
	private static String xenCommandLine(SystemBooter.Report r) {
		java.util.TreeMap<Integer, String> pieces = new java.util.TreeMap<>();
		for (var m : r.boot().markers("dom0", MarkerKind.XENCMD)) {
			String b = m.body();
			pieces.put(Integer.parseInt(b.substring(0, b.indexOf('['))), b.substring(b.indexOf('[') + 1, b.lastIndexOf(']')));
		}
		assertFalse(pieces.isEmpty(), () -> "no Xen command line from dom0:\n" + r.boot().describe());
		assertTrue(pieces.lastKey() == pieces.size() - 1, () -> "a piece is missing: " + pieces);
		return String.join("", pieces.values());
	}

	/** The rest of the first console line holding what, without the console's prefix. */
	private static String line(String log, String what) {
		int i = log.indexOf(what);
		assertTrue(i >= 0, "no '" + what + "' in the serial log");
		int end = log.indexOf('\n', i);
		return log.substring(i + what.length(), end < 0 ? log.length() : end).stripTrailing();
	}

	private static String tess(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
