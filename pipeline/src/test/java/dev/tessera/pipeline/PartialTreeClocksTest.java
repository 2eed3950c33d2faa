package dev.tessera.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.diag.Diagnostic;

/**
 * A device passed through on fixed clocks gets them in its domain's partial device tree: a copy of each clock under
 * /passthrough (the node Xen and xl copy into the guest) and clocks/clock-names that refer to it. Read back from
 * the compiled trees with fdtget, for a domain Xen starts and for an xl domain; a device whose clock comes from a
 * controller gets no clocks.
 */
class PartialTreeClocksTest {
	@TempDir
	Path tmp;

	@Test
	void aDom0lessGuestGetsThePl061sApbClock() throws Exception {
		Path out = generate(ExampleOutputsTest.ROOT.resolve("examples/qemu/passthrough-gpio.tess"), "gpio");
		Path dtb = out.resolve("passthrough/io.dtb");
		String clock = "/passthrough/apb-pclk", gpio = "/passthrough/pl061@9030000";
		assertEquals("fixed-clock", fdtget(dtb, "s", clock, "compatible"));
		assertEquals("24000000", fdtget(dtb, "u", clock, "clock-frequency"), "the host's rate (QEMU's /apb-pclk)");
		assertEquals("0", fdtget(dtb, "u", clock, "#clock-cells"));
		assertEquals("clk24mhz", fdtget(dtb, "s", clock, "clock-output-names"));
		String phandle = fdtget(dtb, "u", clock, "phandle");
		assertEquals(phandle, fdtget(dtb, "u", gpio, "clocks"), "the PL061 refers to the copy");
		assertEquals("apb_pclk", fdtget(dtb, "s", gpio, "clock-names"), "what the PL061 binding and the AMBA bus ask for");
		assertNotEquals(phandle, fdtget(dtb, "u", "/gic", "phandle"), "the GIC placeholder keeps its own phandle");
		String props = fdtget(dtb, "", clock, null);
		assertFalse(props.contains("xen,"), "the clock is no device Xen assigns: " + props);
		// the device is still assigned as before
		assertEquals("/pl061@9030000", fdtget(dtb, "s", gpio, "xen,path"));
	}

	@Test
	void anXlGuestGetsOneCopyForAllItsDevices() throws Exception {
		Path system = tmp.resolve("xl-clocks.tess");
		Files.writeString(system, """
				system xlclocks on qemu-virt {
					xen 4.17 { console uart0 image "xen" max 4M }
					domain dom0 control { os linux memory 256M vcpus 1 kernel "Image" max 40M }
					domain io xl { os linux memory 128M vcpus 1 kernel "/guest/Image" passthrough gpio0, rtc0 }
				}
				""");
		Path out = generate(system, "xl");
		Path dtb = out.resolve("xl/io.dtb");
		String phandle = fdtget(dtb, "u", "/passthrough/apb-pclk", "phandle");
		assertEquals(phandle, fdtget(dtb, "u", "/passthrough/pl061@9030000", "clocks"));
		assertEquals(phandle, fdtget(dtb, "u", "/passthrough/pl031@9010000", "clocks"));
		assertEquals("apb_pclk", fdtget(dtb, "s", "/passthrough/pl031@9010000", "clock-names"));
		assertEquals("apb-pclk pl061@9030000 pl031@9010000", fdtget(dtb, "", "/passthrough", null, "-l").replace('\n', ' ').strip());
	}

	@Test
	void aDeviceOnAClockControllerGetsNoClocks() throws Exception {
		Path out = generate(ExampleOutputsTest.ROOT.resolve("examples/ivi/rcar-h3-cockpit.tess"), "cockpit");
		// the CAN controller runs on the CPG (which stays with dom0) and on the fixed /can clock: no half list
		Path dtb = out.resolve("passthrough/cluster.dtb");
		String props = fdtget(dtb, "", "/passthrough/can@e6c30000", null);
		assertFalse(props.contains("clocks") || props.contains("clock-names"), props);
		assertEquals("can@e6c30000", fdtget(dtb, "", "/passthrough", null, "-l").strip());
	}

	Path generate(Path system, String name) {
		Path out = tmp.resolve(name);
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(system, null, null, out));
		assertFalse(o.failed(), o.diagnostics() + " " + o.stop());
		if (name.equals("cockpit"))
			assertTrue(o.diagnostics().stream().map(Diagnostic::ruleId).anyMatch("device.clock-unavailable"::equals), o.diagnostics().toString());
		return out;
	}

	/** fdtget's answer: a property as type {@code type} (-t), or with {@code property} null the node's properties (-p) or subnodes (-l). */
	static String fdtget(Path dtb, String type, String node, String property, String... listing) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of("fdtget"));
		if (property == null) cmd.add(listing.length > 0 ? listing[0] : "-p");
		else cmd.addAll(List.of("-t", type));
		cmd.add(dtb.toString());
		cmd.add(node);
		if (property != null) cmd.add(property);
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes()).strip();
		assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
		return out;
	}
}
