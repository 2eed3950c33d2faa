package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.tessera.boot.marker.MarkerScripts;
import dev.tessera.pipeline.BootOverrides;
import dev.tessera.pipeline.Pipeline;

/** What a marker boot decides from the loaded system alone, before anything is generated (no boot needed). */
class MarkerPlanTest {
	static MarkerPlan plan(String example) {
		Pipeline.LoadedSystem l = new Pipeline().load(BootScenariosTest.root().resolve("examples").resolve(example), null);
		assertNotNull(l.system(), example + ": " + l.diagnostics());
		return MarkerPlan.of(l.system(), MarkerExtras.NONE);
	}

	@Test
	void theDom0lessDriverDomainSystemBootsWithTheseCommandLines() {
		// the domains Xen starts at boot have a vpl011 console; both get xenstore late; DomD gets the driver initramfs (with
		// the generated serve script, so made after generation and padded), the guest the PV one; dom0 waits for nothing
		// itself: the generated start script does
		BootOverrides o = plan("driver-domain/qemu-domd-dom0less.tess").overrides();
		assertEquals(new BootOverrides.ForDomain("console=hvc0 rdinit=/init guest=dom0 tess_dom0=1 tess_start=1", null,
				"tess-dom0.cpio.gz", Platform.DOM0_RAMDISK_ARM64), o.of("dom0"));
		assertEquals(new BootOverrides.ForDomain("console=ttyAMA0 rdinit=/init guest=domd tess_latexs=1 tess_domd=1 "
				+ "tess_diskimg=/var/lib/tessera/guest-disk.img tess_br=xenbr0:192.168.77.1 tess_brif=xenbr0:00:16:3e:5e:55:01", null,
				"tess-driver.cpio.gz", Platform.DRIVER_RAMDISK_ARM64), o.of("domd"));
		assertEquals(new BootOverrides.ForDomain("console=ttyAMA0 rdinit=/init guest=guest tess_latexs=1 tess_net=eth0/192.168.77.2/192.168.77.1 "
				+ "tess_disk=xvda tess_pvwait=150", null, "tess-pv.cpio.gz", 0), o.of("guest"));
	}

	@Test
	void xlDomainsBootDebiansLinuxFromDom0() {
		MarkerPlan p = plan("driver-domain/qemu-domd.tess");
		assertTrue(p.dom0Xl());
		// dom0 runs the generated start script, which creates DomD, waits until it serves, then creates the guest
		assertEquals("console=hvc0 rdinit=/init guest=dom0 tess_dom0=1 tess_relay=domd,guest tess_start=1", p.guest("dom0").override().cmdline());
		assertEquals(new BootOverrides.ForDomain("console=hvc0 rdinit=/init guest=guest tess_net=eth0/192.168.77.2/192.168.77.1 tess_disk=xvda",
				"/var/lib/tessera/Image", "/var/lib/tessera/tess-xl.cpio.gz", 0), p.guest("guest").override());
		assertEquals(Set.of("Image"), p.kernels(), "dom0's kernel: the xl domains' is in dom0's initramfs");
	}

	@Test
	void aPassedThroughPl061IsCheckedByItsLinuxDeviceName() {
		MarkerPlan p = plan("qemu/passthrough-gpio.tess");
		assertEquals(List.of("9030000.pl061"), p.guest("io").gpio());
		assertTrue(p.guest("io").override().cmdline().contains(" tess_gpio=9030000.pl061"), p.guest("io").override().cmdline());
		assertEquals(List.of(), p.guest("dom0").gpio());
	}

	@Test
	void anArinc653SystemsDom0RunsTheStartScriptAndItsBurnersBootTheBurner() {
		Pipeline.LoadedSystem l = new Pipeline().load(BootScenariosTest.root().resolve("examples/rt/arinc653-seed.tess"), null);
		MarkerPlan p = MarkerPlan.of(l.system(), MarkerExtras.measuringShares(20, "p5", "p6", "p10"));
		// the start script puts the schedule in place with tessera-sched (which dom0's initramfs gets), then dom0 measures
		assertTrue(p.arinc653());
		assertEquals("console=hvc0 rdinit=/init guest=dom0 tess_dom0=1 tess_xl=cpupool-list tess_start=1 tess_shares=20",
				p.guest("dom0").override().cmdline());
		assertEquals(MarkerPlan.BURNER, p.guest("p5").override().kernel());
		assertEquals(Set.of("Image"), p.kernels(), "dom0's kernel; the partitions boot the burner");
	}

	@Test
	void anRtdsSystemsDom0RunsTheStartScriptForItsBudgets() {
		MarkerPlan p = plan("rt/rtds.tess");
		assertFalse(p.arinc653(), "no tessera-sched needed");
		assertTrue(p.guest("dom0").override().cmdline().contains(" tess_start=1"), p.guest("dom0").override().cmdline());
		assertEquals(null, p.guest("light").override().kernel(), "Linux, without burners");
	}

	@Test
	void aDomainsExtraArgumentsComeLast() {
		Pipeline.LoadedSystem l = new Pipeline().load(BootScenariosTest.root().resolve("examples/driver-domain/qemu-domd-dom0less.tess"), null);
		MarkerPlan p = MarkerPlan.of(l.system(), MarkerExtras.domainArgs("domd", "tess_servedelay=30"));
		assertTrue(p.guest("domd").override().cmdline().endsWith(" tess_servedelay=30"), p.guest("domd").override().cmdline());
		assertFalse(p.guest("guest").override().cmdline().contains("tess_servedelay"));
	}

	@Test
	void everyBootArgumentTheHarnessGivesIsReadByAScript() throws IOException {
		String scripts = MarkerScripts.init() + MarkerScripts.hook();
		Set<String> given = new TreeSet<>();
		List<Path> examples;
		Path root = BootScenariosTest.root().resolve("examples");
		try (Stream<Path> s = Files.walk(root)) {
			examples = s.filter(p -> p.toString().endsWith(".tess")).sorted().toList();
		}
		for (Path ex : examples)
			for (MarkerPlan.Guest g : plan(root.relativize(ex).toString()).guests())
				for (String arg : g.override().cmdline().split(" "))
					if (arg.startsWith("tess_") || arg.startsWith("guest=")) given.add(arg.substring(0, arg.indexOf('=')));
		assertTrue(given.containsAll(Set.of("guest", "tess_dom0", "tess_relay", "tess_start", "tess_domd", "tess_net", "tess_shmw", "tess_dtreg",
				"tess_gpio", "tess_iomem", "tess_xl")), "the examples exercise the arguments: " + given);
		for (String key : given) assertTrue(scripts.contains("${" + key), key + " is given but no script reads it");
	}
}
