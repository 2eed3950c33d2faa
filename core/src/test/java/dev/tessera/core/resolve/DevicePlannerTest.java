package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.plan.MmioRange;
import dev.tessera.core.plan.PassthroughPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

class DevicePlannerTest {
	static final long MIB = Sizes.MIB;

	@Test
	void aPassedDeviceKeepsItsHostAddressesAndItsInterruptsAreNumberedForXl() {
		Board b = board();
		Device gpio = device(b, "gpio", "/soc/gpio@9030000", 0x9030000L, 0x1000, 7);
		System s = system(b);
		Domain d = domain(s, "u", Role.GUEST, null, 64 * MIB, "K", MIB);
		pass(d, gpio);
		PassthroughPlan p = new DevicePlanner(s, b).of(d).get(0);
		assertEquals("gpio@9030000", p.nodeName());
		assertEquals(List.of(new MmioRange(0x9030000L, 0x1000, 0x9030000L)), p.regs());
		assertEquals(39, p.irqs().get(0).xlNumber(), "SPI 7 is xl's 39");
		assertFalse(p.behindIommu());
		assertFalse(p.window());
	}

	@Test
	void aHardwareGpuGuestGetsOnlyItsOsidBankWhereTheGpuStartsAndNoInterrupt() {
		Board b = board();
		Device gpu = device(b, "gpu", "/soc/gpu@fd000000", 0xfd000000L, 0x40000, 87);
		gpu.setOsidWindow(0x10000);
		System s = system(b);
		Domain host = domain(s, "domd", Role.DRIVER, null, 64 * MIB, "K", MIB);
		Domain guest = domain(s, "doma", Role.GUEST, null, 64 * MIB, "K", MIB);
		GpuShare g = F.createGpuShare();
		g.setDevice(gpu);
		g.setMode(GpuSharing.HARDWARE);
		g.setHost(host);
		GpuGuest x = F.createGpuGuest();
		x.setDomain(guest);
		x.setOsid(2);
		g.getGuests().add(x);
		s.getGpus().add(g);
		DevicePlanner devices = new DevicePlanner(s, b);
		PassthroughPlan bank = devices.of(guest).get(0);
		assertTrue(bank.window());
		assertEquals(List.of(new MmioRange(0xfd020000L, 0x10000, 0xfd000000L)), bank.regs());
		assertEquals(List.of(), bank.irqs());
		assertEquals("domd", devices.gpus().get(0).host());
		assertEquals(List.of(), DevicePlanner.hostPassthrough(List.of()), "a bank takes nothing from dom0");
	}
}
