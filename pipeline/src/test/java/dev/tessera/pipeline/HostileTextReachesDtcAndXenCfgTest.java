package dev.tessera.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.diag.Diagnostic;

/**
 * Command lines and file names holding every character the formats treat specially reach their consumers as written:
 * the device trees through dtc (read back from the compiled host.dtb with fdtget), xen.cfg through Xen's own reading
 * rules ({@link XenEfiConfigReader}, a port of xen/common/efi/boot.c). U-Boot's reading of boot.cmd is proven in the
 * boot module (UBootCarriesHostileTextTest), xl's in XlConfigsAcceptedByXlTest.
 */
class HostileTextReachesDtcAndXenCfgTest {
	/** What dtc, U-Boot's hush, shells or xl could read specially; no '#' (xen.cfg) and no ',' (xl specs). */
	static final String HOSTILE = "q=\"a b\" bs=\\x\\\\y d=$HOME e=${fdt_addr} s='it''s' c=a;echo x&&y||z|w <in >out t=`id` "
			+ "b={x} n=\\n o=\\012 l=<1> p=[00] %s";
	static final String XEN = "console=dtuart dtuart=/pl011@9000000 " + HOSTILE;
	static final String DOM0 = "console=hvc0 " + HOSTILE;
	static final String DOMU = "console=ttyAMA0 h=#x " + HOSTILE;
	static final String DOM0_KERNEL = "Im$ge\\'s;&|`{}<>\"";
	static final String DOM0_RAMDISK = "in itrd \"$x\"";

	@TempDir
	Path tmp;

	@Test
	void dtcAndXensEfiLoaderReadEveryValueAsWritten() throws Exception {
		Path out = generate(system(DOM0));
		Path dtb = out.resolve("host.dtb");
		assertEquals(DOMU, fdtget(dtb, "/chosen/domU/kernel", "bootargs"));
		assertEquals(DOM0, fdtget(dtb, "/chosen/dom0-kernel", "bootargs"));
		assertTrue(fdtget(dtb, "/chosen", "xen,xen-bootargs").endsWith(" " + XEN), "Xen's own options come first");

		XenEfiConfigReader cfg = new XenEfiConfigReader(Files.readString(out.resolve("uefi/xen.cfg")));
		String section = cfg.value("global", "default").orElseThrow();
		assertEquals(fdtget(dtb, "/chosen", "xen,xen-bootargs"), cfg.value(section, "options").orElseThrow(),
				"Xen's command line as the device tree has it");
		String[] kernel = XenEfiConfigReader.split(cfg.value(section, "kernel").orElseThrow());
		assertEquals(DOM0_KERNEL, kernel[0], "dom0's kernel file");
		assertEquals(DOM0, kernel[1], "dom0's command line");
		assertEquals(DOM0_RAMDISK, cfg.value(section, "ramdisk").orElseThrow(), "dom0's ramdisk file, blanks and all");
	}

	@Test
	void aHashXensEfiLoaderWouldCutIsRefusedWhereItIs() throws Exception {
		// the control: Xen's reading of a '#' in a value is the comment the rule says it is
		assertEquals("console=hvc0 ", new XenEfiConfigReader("[x]\noptions=console=hvc0 #rest\n").value("x", "options").orElseThrow());
		Path f = tmp.resolve("hash.tess");
		Files.writeString(f, system("console=hvc0 #rest"));
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(f, null, tmp, tmp.resolve("hash-out")));
		assertTrue(o.failed());
		Diagnostic d = o.diagnostics().stream().filter(x -> x.ruleId().equals("text.xen-cfg")).findFirst()
				.orElseThrow(() -> new AssertionError(o.diagnostics().toString()));
		assertEquals(5, d.line(), d.format());
		assertTrue(d.message().contains("character 14"), d.format());
	}

	private String system(String dom0Cmdline) {
		return "system hostile on qemu-virt {\n"
				+ "\txen 4.17 { console uart0 image \"xen\" max 4M cmdline " + tess(XEN) + " }\n"
				+ "\tboot { load \"load mmc 0:1\" }\n"
				+ "\tdomain domU at-boot { os linux memory 128M vcpus 1 kernel \"dom U's #1\\\\.bin\" max 4M cmdline " + tess(DOMU) + " }\n"
				+ "\tdomain dom0 control { os linux memory 256M vcpus 1 kernel " + tess(DOM0_KERNEL) + " max 4M ramdisk "
				+ tess(DOM0_RAMDISK) + " max 4M cmdline " + tess(dom0Cmdline) + " }\n"
				+ "}\n";
	}

	private Path generate(String text) throws Exception {
		Path f = tmp.resolve("hostile.tess");
		Files.writeString(f, text);
		Path out = tmp.resolve("out");
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(f, null, tmp, out));
		assertFalse(o.failed(), () -> o.diagnostics() + " " + o.stop());
		return out;
	}

	/** A .tess string literal. */
	private static String tess(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** A string property of a compiled tree, as fdtget reads it. */
	static String fdtget(Path dtb, String node, String property) throws Exception {
		Process p = new ProcessBuilder(List.of("fdtget", "-t", "s", dtb.toString(), node, property)).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertEquals(0, p.waitFor(), out);
		return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
	}
}
