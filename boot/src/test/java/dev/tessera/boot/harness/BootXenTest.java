package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Arch;
import dev.tessera.model.System;
import dev.tessera.pipeline.Pipeline;

/** Which Xen a boot runs, with which Kconfig and userspace, and for which release the system is generated (no boot). */
class BootXenTest {
	static final XenVersion V417 = new XenVersion(4, 17), V420 = new XenVersion(4, 20);

	@TempDir
	Path tmp;

	static System load(String example) {
		Pipeline.LoadedSystem l = new Pipeline().load(BootScenariosTest.root().resolve("examples").resolve(example), null);
		assertTrue(l.ok(), l.diagnostics().toString());
		return l.system();
	}

	@Test
	void aVersionIsOneOfTheHarnesssReleasesAndAnythingElseAFile() {
		assertEquals(XenRequest.release(V420), XenRequest.parse("4.20", null));
		assertEquals(XenRequest.release(V417), XenRequest.parse("4.17.7", null), "a patch level is ignored");
		assertThrows(IllegalArgumentException.class, () -> XenRequest.parse("4.19", null));
		assertThrows(IllegalArgumentException.class, () -> XenRequest.parse("4.20", Path.of("xen.config")));
		assertEquals(XenRequest.file(Path.of("build/xen"), Path.of("build/.config")), XenRequest.parse("build/xen", Path.of("build/.config")));
		assertEquals(XenRequest.SYSTEM, XenRequest.parse(null, null));
	}

	@Test
	void xen417IsDebiansBuildOrTheFeatureBuildWith417sTools() throws Exception {
		BootAssets a = BootAssets.require();
		BootXen plain = BootXen.choose(XenRequest.release(V417), load("qemu/dom0-two-domus.tess"), true, null, a);
		assertEquals(a.xenDebian(), plain.image());
		assertEquals(a.xenToolsRoot(), plain.platform().toolsRoot());
		assertTrue(plain.notes().isEmpty());
		BootXen features = BootXen.choose(XenRequest.SYSTEM, load("qemu/cpupool-null.tess"), true, null, a);
		assertEquals(a.xenFeatures(), features.image());
		assertTrue(features.build().enabled("CONFIG_SCHED_NULL"));
		assertEquals(V417, features.release());
	}

	@Test
	void xen420IsDebian13sWithItsToolsAndTheSystemIsGeneratedFor420() throws Exception {
		BootAssets a = BootAssets.require(BootAssets.Group.XEN420);
		System s = load("qemu/dom0-two-domus.tess");
		BootXen x = BootXen.choose(XenRequest.release(V420), s, true, null, a);
		assertEquals(a.path(BootAssets.XEN_DEBIAN_420), x.image());
		assertEquals(a.path(BootAssets.XEN_TOOLS_ROOT_420), x.platform().toolsRoot());
		assertEquals(a.path(BootAssets.XEN_HOTPLUG_SCRIPTS_420), x.platform().hotplugScripts());
		assertTrue(x.build().knows("CONFIG_BOOT_TIME_CPUPOOLS") && !x.build().enabled("CONFIG_BOOT_TIME_CPUPOOLS"));
		assertEquals(V420, Systems.xenVersion(s), "retargeted");
		assertEquals(List.of("the system targets Xen 4.17 but Xen 4.20 boots: generating for Xen 4.20 (write 'xen 4.20' in the system to target it)"),
				x.notes());
	}

	@Test
	void aFileBootsWithItsKconfigBesideItAndKeeps417sTools() throws Exception {
		BootAssets a = BootAssets.require(BootAssets.Group.XEN420);
		Path xen = Files.copy(a.path(BootAssets.XEN_DEBIAN_420), tmp.resolve("xen"));
		System s = load("qemu/dom0-two-domus.tess");
		BootXen without = BootXen.choose(XenRequest.file(xen, null), s, true, null, a);
		assertNull(without.build());
		assertNull(without.release(), "nothing says which release it is");
		assertEquals(V417, Systems.xenVersion(s), "so the system's own target stands");
		assertEquals(a.xenToolsRoot(), without.platform().toolsRoot());
		Files.copy(a.path(BootAssets.XEN_DEBIAN_420_CONFIG), tmp.resolve("xen.config"));
		BootXen with = BootXen.choose(XenRequest.file(xen, null), s, true, null, a);
		assertEquals(tmp.resolve("xen.config").toString(), with.build().source());
		assertEquals(V420, with.release(), "its Kconfig's header: # Xen/arm 4.20.5-pre Configuration");
		assertEquals(V420, Systems.xenVersion(s));
		assertThrows(BootXen.Unavailable.class, () -> BootXen.choose(XenRequest.file(xen, tmp.resolve("nothing.config")), load("qemu/no-dom0.tess"), true,
				null, a));
	}

	@Test
	void arm32BootsDebian12sArmhfXen417AndNo420() throws Exception {
		BootAssets a = BootAssets.require(BootAssets.Group.ARM32);
		BootXen x = BootXen.choose(XenRequest.SYSTEM, load("arm32/qemu-virt.tess"), true, null, a);
		assertEquals(a.path(BootAssets.XEN_DEBIAN_ARMHF), x.image());
		assertEquals(Arch.ARM32, x.platform().arch());
		assertEquals("qemu-system-arm", x.platform().qemuBinary());
		assertTrue(x.platform().machine().contains("virt,virtualization=on,highmem=off"));
		assertEquals(a.path(BootAssets.LINUX_ZIMAGE_ARMHF), x.platform().kernel());
		assertEquals(a.path(BootAssets.XEN_TOOLS_ROOT_ARMHF), x.platform().toolsRoot());
		BootXen.Unavailable e = assertThrows(BootXen.Unavailable.class, () -> BootXen.choose(XenRequest.release(V420), load("arm32/qemu-virt.tess"), true,
				null, a));
		assertTrue(e.getMessage().contains("no Xen 4.20 for 32-bit Arm"), e.getMessage());
	}

	@Test
	void theUBootRouteRunsQemuWithAcpiOff() throws Exception {
		BootAssets a = BootAssets.require();
		Platform p = BootXen.choose(XenRequest.SYSTEM, load("qemu/passthrough-gpio.tess"), true, null, a).platform();
		assertTrue(p.ubootMachine().contains("virt,virtualization=on,gic-version=3,acpi=off"), p.ubootMachine().toString());
		assertTrue(p.machine().contains("virt,virtualization=on,gic-version=3"), "the other routes keep QEMU's default");
	}
}
