package dev.tessera.boot.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.testing.TestHost;
import dev.tessera.boot.testing.UBootScript;
import dev.tessera.pipeline.Pipeline;

/**
 * The escaping of boot.cmd (EscapingFormat.UBOOT, UBOOT_EXPANDED) proven by its consumer: Debian's U-Boot 2023.01 runs
 * the generated script of a system whose command lines and file names hold every character hush treats specially
 * (quotes, backslashes, $, ${...}, ;, &&, |, redirections, braces, backquotes, #) and reads back what arrived: every file
 * is fetched over TFTP under its exact name (a mangled name is "File not found"), and {@code fdt print /chosen} shows
 * every command line as written. No Xen boots: the dummy Xen image fails booti's magic check and U-Boot goes on.
 * <p>
 * The negative control runs the same values escaped the way Tessera did before (backslashes before {@code " \ $} inside
 * double quotes): U-Boot keeps those backslashes, and a {@code '} stops the script with a syntax error.
 */
class UBootCarriesHostileTextTest {
	static final long SCRIPT_ADDR = 0x70000000L;
	static final long NAIVE_ADDR = 0x70100000L;
	static final String END = "CHECK-UBOOT-END";

	/** Everything hush reads specially, legal in every output (xen.cfg forbids '#' only in Xen's and dom0's lines). */
	static final String HOSTILE = "q=\"a b\" bs=\\x\\\\y d=$HOME e=${fdt_addr} s='it''s' c=a;echo x&&y||z|w <in >out "
			+ "t=`id` b={x} n=\\n";
	static final String XEN_CMDLINE = "console=dtuart dtuart=/pl011@9000000 " + HOSTILE;
	static final String DOM0_CMDLINE = "console=hvc0 " + HOSTILE;
	static final String DOMU_CMDLINE = "console=ttyAMA0 h=#x " + HOSTILE;
	/** As long as rule text.length allows (SafeText.XEN_CMDLINE_MAX): fdt set's 1 KiB buffer holds it with its NUL. */
	static final String LONG_CMDLINE = ("console=ttyAMA0 " + HOSTILE.repeat(20)).substring(0, 1023);
	/**
	 * File names: dom0's may hold no white space and no '#' (xen.cfg), none a '"' (U-Boot's tftpb ends a name there: rule
	 * text.uboot, shown by the control), the others anything printable but '/'.
	 */
	static final Map<String, String> FILES = new LinkedHashMap<>();
	static {
		FILES.put("xen", "xen$x'\\y;z");
		FILES.put("dom0", "Im$ge\\'s;&|`{}<>");
		FILES.put("domU", "dom U's ${x} #1\\.bin");
	}
	/** A file name with a '"', for the control: U-Boot's tftpb asks the server for what comes before it. */
	static final String QUOTED_FILE = "ctl\"q";

	static BootAssets assets;

	Path work;

	@BeforeAll
	static void prepare() {
		assets = BootAssets.require();
		TestHost.requireCommands("qemu-system-aarch64", "mkimage", "mkenvimage");
	}

	/** A folder of its own per test under target/, kept for reading the serial log and the generated files. */
	@org.junit.jupiter.api.BeforeEach
	void folder(TestInfo t) throws IOException {
		work = Path.of("target", "boot-tests", "uboot-hostile", t.getTestMethod().orElseThrow().getName()).toAbsolutePath();
		if (Files.exists(work)) try (var s = Files.walk(work)) {
			s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		Files.createDirectories(work);
	}

	@Test
	void uBootReadsEveryCommandLineAndFileNameAsWritten() throws IOException {
		Path tftp = work.resolve("tftp");
		Files.createDirectories(tftp);
		for (String f : FILES.values()) Files.write(tftp.resolve(f), new byte[4096]);
		Files.write(tftp.resolve(QUOTED_FILE), new byte[16]);
		Path tess = tftp.resolve("hostile.tess");
		Files.writeString(tess, system("fixed"), StandardCharsets.UTF_8);
		Path out = work.resolve("out");
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(tess, null, tftp, out));
		assertFalse(o.failed(), () -> "the hostile system is valid: " + o.diagnostics());

		Path naive = UBootScript.compile(naiveScript(), work.resolve("naive.scr"));
		String log = run(out.resolve("boot.scr"), naive, tftp);
		String generated = log.substring(log.indexOf("CHECK-GEN-BEGIN"), log.indexOf("CHECK-GEN-END"));

		assertFalse(generated.contains("syntax error"), () -> "hush stopped the generated script:\n" + generated);
		assertFalse(generated.contains("Unknown command"), () -> "hush split a word of the generated script:\n" + generated);
		assertFalse(generated.contains("not found"), () -> "a file name reached TFTP mangled:\n" + generated);
		assertEquals(FILES.size(), count(generated, "Bytes transferred"), () -> "every file was fetched:\n" + generated);
		String chosen = log.substring(log.indexOf("CHECK-GEN-END"));
		assertTrue(chosen.contains("xen,xen-bootargs = \"") && chosen.contains(" " + XEN_CMDLINE + "\";"),
				() -> "Xen's command line as written:\n" + chosen);
		assertTrue(chosen.contains("bootargs = \"" + DOM0_CMDLINE + "\";"), () -> "dom0's command line as written:\n" + chosen);
		assertTrue(chosen.contains("bootargs = \"" + DOMU_CMDLINE + "\";"), () -> "domU's command line as written:\n" + chosen);
		assertTrue(chosen.contains("bootargs = \"" + LONG_CMDLINE + "\";"), () -> "the longest command line as written:\n" + chosen);

		// negative control: the old escaping, run by the same U-Boot, does not carry the same text, and tftpb cuts a name
		String control = log.substring(log.indexOf("CHECK-GEN-END"));
		assertTrue(control.contains("Filename 'ctl'."), () -> "tftpb ends a file name at its first \":\n" + control);
		assertTrue(chosen.contains("tess-naive-q = \"\\\"\";"), () -> "hush keeps the backslash of \\\" inside quotes:\n" + chosen);
		assertTrue(chosen.contains("tess-naive-d = \"\\$HOME\";"), () -> "hush keeps the backslash of \\$ inside quotes:\n" + chosen);
		assertTrue(log.substring(log.indexOf("CHECK-GEN-END")).contains("syntax error"),
				() -> "a ' inside double quotes stops hush with a syntax error:\n" + chosen);
		assertFalse(chosen.contains("tess-naive-after"), "the syntax error ended the naive script");
	}

	@Test
	void uBootReadsFileNamesOnLinesThatExpandVariables() throws IOException {
		// dynamic addressing: each load line expands ${tess_next}, which makes the old hush read the line twice
		Path tftp = work.resolve("tftp");
		Files.createDirectories(tftp);
		Map<String, String> names = new LinkedHashMap<>();
		FILES.forEach((k, v) -> names.put(k, v.replace("'", "")));
		for (String f : names.values()) Files.write(tftp.resolve(f), new byte[4096]);
		Path tess = tftp.resolve("hostile.tess");
		Files.writeString(tess, system("dynamic", names), StandardCharsets.UTF_8);
		Path out = work.resolve("out");
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(tess, null, tftp, out));
		assertFalse(o.failed(), () -> "the hostile system is valid: " + o.diagnostics());

		Path naive = UBootScript.compile("echo no control here\n", work.resolve("naive.scr"));
		String log = run(out.resolve("boot.scr"), naive, tftp);
		String generated = log.substring(log.indexOf("CHECK-GEN-BEGIN"), log.indexOf("CHECK-GEN-END"));
		assertFalse(generated.contains("syntax error"), () -> "hush stopped the generated script:\n" + generated);
		assertFalse(generated.contains("not found"), () -> "a file name reached TFTP mangled:\n" + generated);
		assertEquals(names.size(), count(generated, "Bytes transferred"), () -> "every file was fetched:\n" + generated);
		String chosen = log.substring(log.indexOf("CHECK-GEN-END"));
		assertTrue(chosen.contains("bootargs = \"" + DOMU_CMDLINE + "\";"), () -> "domU's command line as written:\n" + chosen);
	}

	@Test
	void uBootLoadsEveryFileByItsExactNameFromAFilesystem() throws Exception {
		// `load` reads a file system, not the network: a name may hold a '"' there (rule text.uboot refuses it for tftpb only)
		Map<String, String> names = new LinkedHashMap<>(FILES);
		names.put("domU", "dom\"U's ${x} #1\\.bin");
		Path files = work.resolve("files");
		Files.createDirectories(files);
		for (String f : names.values()) Files.write(files.resolve(f), new byte[4096]);
		Path disk = work.resolve("disk.ext4");
		var made = new dev.tessera.process.ExternalProgram("mke2fs", "e2fsprogs").run(work, "-q", "-F", "-t", "ext4", "-d",
				files.toString(), disk.toString(), "16M");
		assertTrue(made.succeeded(), made::output);
		Path tess = work.resolve("hostile.tess");
		Files.writeString(tess, system("fixed", names).replace("load \"tftpb\"", "load \"load virtio 0\""), StandardCharsets.UTF_8);
		Path out = work.resolve("out");
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(tess, null, files, out));
		assertFalse(o.failed(), () -> "the hostile system is valid: " + o.diagnostics());
		assertTrue(Files.readString(out.resolve("boot.cmd")).contains("load virtio 0 "), "the script loads from the disk");

		Path naive = UBootScript.compile("load virtio 0 0x42000000 \"ctl\"\n", work.resolve("naive.scr"));
		String log = run(out.resolve("boot.scr"), naive, null, "virtio scan",
				List.of("-drive", "if=none,format=raw,id=disk,file=" + disk, "-device", "virtio-blk-device,drive=disk"));
		String generated = log.substring(log.indexOf("CHECK-GEN-BEGIN"), log.indexOf("CHECK-GEN-END"));
		assertFalse(generated.contains("syntax error"), () -> "hush stopped the generated script:\n" + generated);
		assertFalse(generated.contains("File not found") || generated.contains("Failed to load"),
				() -> "a file name reached the file system mangled:\n" + generated);
		assertEquals(names.size(), count(generated, "bytes read"), () -> "every file was read:\n" + generated);
		String chosen = log.substring(log.indexOf("CHECK-GEN-END"));
		assertTrue(chosen.contains("bootargs = \"" + DOMU_CMDLINE + "\";"), () -> "domU's command line as written:\n" + chosen);
		// negative control: the same U-Boot and disk, asked for a name the disk does not hold, says so in its words
		assertTrue(chosen.contains("Failed to load 'ctl'"), () -> "a missing name is U-Boot's error line:\n" + chosen);
	}

	@Test
	void aDoubleQuoteInAFileNameTftpbWouldCutIsRefusedWhereItIs() throws IOException {
		Map<String, String> names = new LinkedHashMap<>(FILES);
		names.put("domU", QUOTED_FILE);
		Path tess = work.resolve("quoted.tess");
		Files.writeString(tess, system("fixed", names).replace("kernel " + tess(QUOTED_FILE), "kernel " + tess(QUOTED_FILE) + " max 4M"));
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(tess, null, work, work.resolve("out")));
		assertTrue(o.failed());
		var d = o.diagnostics().stream().filter(x -> x.ruleId().equals("text.uboot")).findFirst()
				.orElseThrow(() -> new AssertionError(o.diagnostics().toString()));
		assertEquals(5, d.line(), d.format());
		assertTrue(d.message().contains("tftpb ends a file name at its first \" and would fetch 'ctl'"), d.format());
	}

	/** The generated script and the control script in RAM, U-Boot sourcing both, printing /chosen and resetting. */
	private String run(Path scr, Path naive, Path tftp) throws IOException {
		return run(scr, naive, tftp, "pci enum", List.of());
	}

	/** The same with a first command (the bus the files are on) and more QEMU arguments (a disk). */
	private String run(Path scr, Path naive, Path tftp, String first, List<String> qemuArgs) throws IOException {
		Path flash = new UBootEnvironment()
				.set("ipaddr", UBootEnvironment.QEMU_USER_GUEST_IP)
				.set("serverip", UBootEnvironment.QEMU_USER_SERVER_IP)
				.set("netmask", "255.255.255.0")
				.set("bootcmd", first + "; echo CHECK-GEN-BEGIN; source " + hex(SCRIPT_ADDR) + "; echo CHECK-GEN-END; source "
						+ hex(NAIVE_ADDR) + "; fdt print /chosen; echo " + END + "; reset")
				.writeFlash(work.resolve("flash1.img"));
		List<String> machine = new ArrayList<>(List.of("-machine", "virt,virtualization=on,gic-version=3", "-cpu", "cortex-a57",
				"-smp", "1", "-m", "2048", "-nographic", "-net", "none", "-monitor", "none", "-no-reboot"));
		machine.addAll(qemuArgs);
		QemuBoot.Builder builder = QemuBoot.uboot(assets.ubootQemuArm64(), flash).machine(machine);
		if (tftp != null) builder.tftp(tftp);
		QemuBoot boot = builder.loader(scr, SCRIPT_ADDR).loader(naive, NAIVE_ADDR)
				.stopWhenAllSeen(false).timeout(Duration.ofMinutes(2)).build();
		List<String> lines = new ArrayList<>();
		BootResult r = new QemuRunner().run(boot, work.resolve("qemu"), lines::add);
		TestHost.report("u-boot reads hostile text", r);
		String log = String.join("\n", lines);
		assertTrue(log.contains(END) && log.contains("CHECK-GEN-BEGIN") && log.contains("CHECK-GEN-END"),
				() -> "U-Boot ran the whole boot command:\n" + r.describe() + "\n" + log);
		return log;
	}

	/** The values escaped as before: inside double quotes, \ " $ backslashed; a ' last, as it ends the script. */
	private static String naiveScript() {
		// ctl"q as EscapingFormat.UBOOT writes it: hush passes ctl"q, tftpb keeps ctl
		return "tftpb 0x42000000 \"ctl\"\\\"\"q\"\n"
				+ "fdt set /chosen tess-naive-q " + naive("\"") + "\n"
				+ "fdt set /chosen tess-naive-d " + naive("$HOME") + "\n"
				+ "fdt set /chosen tess-naive-s " + naive("it's") + "\n"
				+ "fdt set /chosen tess-naive-after \"x\"\n";
	}

	private static String naive(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
	}

	private static String system(String addressing) {
		return system(addressing, FILES);
	}

	private static String system(String addressing, Map<String, String> files) {
		return "system hostile on qemu-virt {\n"
				+ "\txen 4.17 { console uart0 image " + tess(files.get("xen")) + " cmdline " + tess(XEN_CMDLINE) + " }\n"
				+ "\tboot { load \"tftpb\" addressing " + addressing + " load-address 0x41000000 }\n"
				+ "\tdomain dom0 control { os linux memory 256M vcpus 1 kernel " + tess(files.get("dom0")) + " cmdline "
				+ tess(DOM0_CMDLINE) + " }\n"
				+ "\tdomain domU at-boot { os linux memory 128M vcpus 1 kernel " + tess(files.get("domU")) + " cmdline "
				+ tess(DOMU_CMDLINE) + " }\n"
				+ "\tdomain long at-boot { os linux memory 64M vcpus 1 kernel " + tess(files.get("domU")) + " cmdline "
				+ tess(LONG_CMDLINE) + " }\n"
				+ "}\n";
	}

	/** A .tess string literal. */
	private static String tess(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String hex(long v) {
		return "0x" + Long.toHexString(v);
	}

	private static int count(String text, String what) {
		int n = 0;
		for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
		return n;
	}
}
