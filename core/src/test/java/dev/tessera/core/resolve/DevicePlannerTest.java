package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.plan.FixedClockPlan;
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
	void aDeviceOnFixedClocksGetsACopyOfEachInItsDomainsPartialTree() {
		Board b = board();
		fixedClock(b, "apb-pclk", "/apb-pclk", 24000000).getOutputNames().add("clk24mhz");
		Device uart = device(b, "uart", "/pl011@9000000", 0x9000000L, 0x1000, 1);
		clock(uart, "/apb-pclk");
		clock(uart, "/apb-pclk");
		uart.getClockNames().addAll(List.of("uartclk", "apb_pclk"));
		Device gpio = device(b, "gpio", "/pl061@9030000", 0x9030000L, 0x1000, 7);
		clock(gpio, "/apb-pclk");
		gpio.getClockNames().add("apb_pclk");
		System s = system(b);
		Domain d = domain(s, "u", Role.GUEST, null, 64 * MIB, "K", MIB);
		pass(d, uart);
		pass(d, gpio);
		DevicePlanner devices = new DevicePlanner(s, b);
		List<PassthroughPlan> given = devices.of(d);
		var apb = new PassthroughPlan.Clock("apb_pclk", List.of());
		assertEquals(List.of(apb, apb), given.get(0).clocks());
		assertEquals(List.of("uartclk", "apb_pclk"), given.get(0).clockNames());
		assertEquals(List.of(apb), given.get(1).clocks());
		assertEquals(List.of(new FixedClockPlan("apb_pclk", "apb-pclk", "/apb-pclk", 24000000, 0, List.of("clk24mhz"))), devices.clocksOf(given),
				"one copy of the clock, whoever uses it");
		assertEquals(List.of(24000000L), devices.clocksOf(given).get(0).hzCells());
	}

	@Test
	void aClockFromAControllerLeavesTheDeviceWithoutClocksInThePartialTree() {
		Board b = board();
		fixedClock(b, "osc", "/osc", 24000000);
		Device dev = device(b, "du", "/soc/display@feb00000", 0xfeb00000L, 0x80000, 256);
		clock(dev, "/soc/clock-controller@e6150000", 1, 724);
		clock(dev, "/osc");
		dev.getClockNames().addAll(List.of("du.0", "dclkin.0"));
		System s = system(b);
		Domain d = domain(s, "u", Role.GUEST, null, 64 * MIB, "K", MIB);
		pass(d, dev);
		DevicePlanner devices = new DevicePlanner(s, b);
		PassthroughPlan p = devices.of(d).get(0);
		assertEquals(List.of(), p.clocks(), "half a clock list would not match the names the binding expects");
		assertEquals(List.of(), p.clockNames());
		assertEquals(List.of(), devices.clocksOf(List.of(p)));
	}

	@Test
	void labelsAndNodeNamesAreValidAndUnique() {
		Board b = board();
		fixedClock(b, "gic", "/clocks/gic", 1000);
		fixedClock(b, "27M-clock", "/clk-27M", 27000000);
		fixedClock(b, "fast", "/fast", 5000000000L);
		Device dev = device(b, "dev", "/clk-27M", 0x9000000L, 0x1000, 1); // a device whose node name a clock has too
		clock(dev, "/clocks/gic");
		clock(dev, "/clk-27M");
		clock(dev, "/fast");
		dev.getClockNames().add("only-one");
		System s = system(b);
		Domain d = domain(s, "u", Role.GUEST, null, 64 * MIB, "K", MIB);
		pass(d, dev);
		DevicePlanner devices = new DevicePlanner(s, b);
		PassthroughPlan p = devices.of(d).get(0);
		assertEquals(List.of("gic_2", "clk_27M_clock", "fast"), p.clocks().stream().map(PassthroughPlan.Clock::label).toList(),
				"gic is the placeholder's label; a label cannot start with a digit");
		assertEquals(List.of(), p.clockNames(), "three clocks, one name: the names are left out");
		List<FixedClockPlan> clocks = devices.clocksOf(List.of(p));
		assertEquals(List.of("gic", "clk_27M_clock", "fast"), clocks.stream().map(FixedClockPlan::nodeName).toList(),
				"the device has /clk-27M's node name, so the clock takes its label");
		assertEquals(List.of(1L, 0x2a05f200L), clocks.get(2).hzCells(), "5 GHz does not fit one cell");
	}

	@Test
	void aHardwareGpuGuestGetsOnlyItsOsidBankWhereTheGpuStartsAndNoInterrupt() {
		Board b = board();
		Device gpu = device(b, "gpu", "/soc/gpu@fd000000", 0xfd000000L, 0x40000, 87);
		gpu.setOsidWindow(0x10000);
		System s = system(b);
		Domain host = domain(s, "domd", Role.DRIVER, null, 64 * MIB, "K", MIB);
		Domain guest = domain(s, "doma", Role.GUEST, null, 64 * MIB, "K", MIB);
		shareInHardware(s, gpu, host, guest, 2);
		DevicePlanner devices = new DevicePlanner(s, b);
		PassthroughPlan bank = devices.of(guest).get(0);
		assertTrue(bank.window());
		assertEquals(List.of(new MmioRange(0xfd020000L, 0x10000, 0xfd000000L)), bank.regs());
		assertEquals(List.of(), bank.irqs());
		assertEquals("domd", devices.gpus().get(0).host());
		assertEquals(List.of(), DevicePlanner.hostPassthrough(List.of()), "a bank takes nothing from dom0");
	}

	@Test
	void gpuStreamsGiveTheHostOsidZeroAndEachGuestItsOsidThroughEveryIommuAndOnlyAMappedPageOfTheBank() {
		Board b = board();
		Device gpu = device(b, "gpu", "/soc/gsx@fd000000", 0xfd000000L, 0x40000, 87);
		gpu.setOsidWindow(0x10000);
		gpu.setOsidMapped(0x1000);
		for (String[] i : new String[][] { { "ipmmu_pv0", "/soc/iommu@fd800000" }, { "ipmmu_pv1", "/soc/iommu@fd950000" } }) {
			Iommu mmu = F.createIommu();
			mmu.setName(i[0]);
			mmu.setKind(IommuKind.IPMMU);
			mmu.setDtPath(i[1]);
			mmu.getOsidStreams().add(gpu);
			b.getIommus().add(mmu);
		}
		System s = system(b);
		Domain host = domain(s, "domd", Role.DRIVER, null, 64 * MIB, "K", MIB);
		Domain guest = domain(s, "doma", Role.GUEST, null, 64 * MIB, "K", MIB);
		pass(host, gpu);
		shareInHardware(s, gpu, host, guest, 1);
		DevicePlanner devices = new DevicePlanner(s, b);

		List<PassthroughPlan> h = devices.of(host);
		assertFalse(h.get(0).behindIommu(), "the GPU node itself has no iommus: Xen assigns it without an IOMMU context");
		assertEquals(List.of("/soc/gsx_ipmmu_pv0_domd", "/soc/gsx_ipmmu_pv1_domd"), h.subList(1, 3).stream().map(PassthroughPlan::hostPath).toList());
		assertEquals(new PassthroughPlan.Stream("ipmmu_pv1", "/soc/iommu@fd950000", 0), h.get(2).stream());
		assertTrue(h.get(1).behindIommu());
		assertEquals(List.of(), h.get(1).regs());

		List<PassthroughPlan> a = devices.of(guest);
		assertEquals(List.of(new MmioRange(0xfd010000L, 0x1000, 0xfd000000L)), a.get(0).regs(), "one page of OSID 1's 64 KiB bank");
		assertEquals(List.of(1, 1), a.subList(1, 3).stream().map(p -> p.stream().id()).toList(), "micro-TLB 1 for OSID 1");
		assertEquals("/soc/gsx_ipmmu_pv0_doma", a.get(1).hostPath());
	}

	/** The GPU shared in hardware: hosted by {@code host}, {@code guest} in OSID {@code osid}. */
	private static void shareInHardware(System s, Device gpu, Domain host, Domain guest, int osid) {
		GpuShare g = F.createGpuShare();
		g.setDevice(gpu);
		g.setMode(GpuSharing.HARDWARE);
		g.setHost(host);
		GpuGuest x = F.createGpuGuest();
		x.setDomain(guest);
		x.setOsid(osid);
		g.getGuests().add(x);
		s.getGpus().add(g);
	}
}
