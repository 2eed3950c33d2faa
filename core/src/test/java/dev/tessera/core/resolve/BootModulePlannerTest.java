package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.*;
import dev.tessera.model.System;

class BootModulePlannerTest {
	static final long MIB = Sizes.MIB;

	private static FreeMemory ram() {
		FreeMemory free = new FreeMemory();
		free.add(0x40000000L, Sizes.GIB);
		return free;
	}

	@Test
	void xenComesFirstThenTheScriptThenTheDomainsModulesEach2MiBAligned() {
		System s = system(board());
		Domain d = domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "Image", 3 * MIB + 5);
		d.setRamdisk(file("initrd", MIB));
		BootModulePlanner p = new BootModulePlanner(FileProbe.none(), ram(), 0x40000000L, false, XenVersion.DEFAULT, new Findings());
		var start = p.xenAndScript(s.getXen().getImage(), s.getXen(), s);
		DomainPlan.Boot boot = p.domain(d, 0, Start.DOM0, s.getBoard(), false);
		assertEquals(0x40000000L, start.xen().address());
		assertEquals(0x40200000L, start.script().address());
		assertEquals(0x40400000L, boot.kernel().address());
		assertEquals(0x40400000L + 4 * MIB, boot.ramdisk().address(), "3 MiB + 5 bytes take two 2 MiB slots");
		assertEquals(BootModule.SizeSource.MAX, boot.kernel().sizeSource());
		assertEquals(3, p.loads().size(), "the script is not among the loads");
	}

	@Test
	void aDomainGivenDevicesGetsTheGeneratedPartialDeviceTreeAsAModuleOrInDom0sEtcXen() {
		System s = system(board());
		Domain boot = domain(s, "u", Role.GUEST, null, 64 * MIB, "Image", MIB);
		Domain later = domain(s, "x", Role.GUEST, Start.XL, 64 * MIB, "Image", MIB);
		BootModulePlanner p = new BootModulePlanner(FileProbe.none(), ram(), 0x40000000L, false, XenVersion.DEFAULT, new Findings());
		p.xenAndScript(s.getXen().getImage(), s.getXen(), s);
		DomainPlan.Boot b = p.domain(boot, 1, Start.BOOT, s.getBoard(), true);
		DomainPlan.Boot x = p.domain(later, 2, Start.XL, s.getBoard(), true);
		assertTrue(b.generatedDeviceTree());
		assertEquals("passthrough/u.dtb", b.deviceTree().file());
		assertEquals(Resolver.PARTIAL_DTB_SIZE, b.deviceTree().size());
		assertTrue(b.deviceTree().placed());
		assertEquals("x.dtb", x.deviceTree().file());
		assertFalse(x.deviceTree().placed(), "xl reads it from dom0's /etc/xen");
		assertFalse(x.kernel().placed());
	}

	@Test
	void dynamicAddressingPlacesOnlyTheScriptAndStartsPastIt() {
		System s = system(board());
		domain(s, "a", Role.GUEST, null, 64 * MIB, "nosize.bin", 0);
		BootModulePlanner p = new BootModulePlanner(FileProbe.none(), ram(), 0x40000000L, true, XenVersion.DEFAULT, new Findings());
		var start = p.xenAndScript(s.getXen().getImage(), s.getXen(), s);
		assertEquals(0x40000000L, start.script().address(), "the script goes first");
		assertFalse(start.xen().placed());
		assertEquals(0x40200000L, start.dynamicStart());
	}

	@Test
	void fromXen418Dom0GetsItsOwnCopyOfAFileItSharesWhileBootDomainsStillShare() {
		for (String version : new String[] { "4.17", "4.20" }) {
			System s = system(board());
			Domain dom0 = domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "Image", 8 * MIB);
			Domain a = domain(s, "a", Role.GUEST, null, 64 * MIB, "Image", 8 * MIB);
			Domain b = domain(s, "b", Role.GUEST, null, 64 * MIB, "Image", 8 * MIB);
			BootModulePlanner p = new BootModulePlanner(FileProbe.none(), ram(), 0x40000000L, false, XenVersion.parse(version).get(),
					new Findings());
			p.xenAndScript(s.getXen().getImage(), s.getXen(), s);
			long k0 = p.domain(dom0, 0, Start.DOM0, s.getBoard(), false).kernel().address();
			long ka = p.domain(a, 1, Start.BOOT, s.getBoard(), false).kernel().address();
			long kb = p.domain(b, 2, Start.BOOT, s.getBoard(), false).kernel().address();
			assertEquals(ka, kb, version + ": boot domains share one copy");
			if (version.equals("4.17")) assertEquals(k0, ka, "4.17 merges modules of one kind at one address");
			else assertNotEquals(k0, ka, "4.20 would drop dom0's module: dom0 gets its own copy");
		}
	}
}
