package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.MemoryRange;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

class ResolverTest {
	static final long MIB = Sizes.MIB;

	@Test
	void domainIdsFollowHowXenCreatesThem() {
		System s = system(board());
		domain(s, "late", Role.GUEST, Start.XL, 64 * MIB, "K", MIB);
		domain(s, "first", Role.GUEST, Start.BOOT, 64 * MIB, "K", MIB);
		domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "K", MIB);
		domain(s, "second", Role.GUEST, null, 64 * MIB, "K", MIB);
		Plan p = new Resolver(FileProbe.none()).resolve(s).plan();
		assertEquals(List.of("dom0:0", "first:1", "second:2", "late:3"),
				p.domains().stream().map(d -> d.name() + ":" + d.id()).toList());
	}

	@Test
	void modulesAreAlignedOrderedAndKeepOffReservedAndStaticMemory() {
		Board b = board();
		reserve(b, "fdt", 0x40000000L, 2 * MIB, true);
		reserve(b, "firmware", 0x40600000L, 4 * MIB, false);
		System s = system(b);
		domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "Image", 3 * MIB + 5);
		Domain rt = domain(s, "rt", Role.GUEST, null, 32 * MIB, "rt.bin", MIB);
		rt.setStaticAllocation(true);
		StaticRegion r = F.createStaticRegion();
		r.setBase(0x40e00000L);
		rt.getStaticMemory().add(r);
		Plan p = new Resolver(FileProbe.none()).resolve(s).plan();
		List<BootModule> loads = p.boot().loads();
		assertEquals(List.of("xen", "Image", "rt.bin"), loads.stream().map(BootModule::file).toList());
		long previousEnd = 0;
		for (BootModule m : loads) {
			assertEquals(0, m.address() % Resolver.ALIGN, m.file());
			assertTrue(m.address() >= previousEnd, "in load order");
			previousEnd = m.end();
			for (ReservedRegion res : b.getReserved())
				assertFalse(Sizes.overlaps(m.address(), m.size(), res.getBase(), res.getSize()), m.file() + " over " + res.getName());
			assertFalse(Sizes.overlaps(m.address(), m.size(), 0x40e00000L, 32 * MIB), m.file() + " over static memory");
		}
		assertEquals(0x40200000L, p.xen().image().address(), "first free 2 MiB slot after the loader's device tree");
		assertTrue(p.boot().scriptAddress() > 0 && p.boot().loads().stream().noneMatch(m -> Sizes.overlaps(m.address(), m.size(), p.boot().scriptAddress(), Resolver.SCRIPT_SIZE)));
	}

	@Test
	void aFileNamedTwiceIsLoadedOnce() {
		System s = system(board());
		domain(s, "a", Role.GUEST, null, 64 * MIB, "Image", 8 * MIB);
		domain(s, "b", Role.GUEST, null, 64 * MIB, "Image", 8 * MIB);
		Plan p = new Resolver(FileProbe.none()).resolve(s).plan();
		assertEquals(2, p.boot().loads().size());
		assertEquals(p.domains().get(0).boot().kernel().address(), p.domains().get(1).boot().kernel().address());
	}

	@Test
	void sizesComeFromTheFilesAndXensFromItsImageHeader(@TempDir Path dir) throws Exception {
		Files.write(dir.resolve("Image"), new byte[12345]);
		// an arm64 Image header whose image_size (offset 16) says 3 MiB although the file is 4 KiB
		ByteBuffer h = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
		h.putLong(16, 3 * MIB);
		h.putInt(56, 0x644d5241);
		Files.write(dir.resolve("xen"), h.array());
		System s = system(board());
		domain(s, "a", Role.GUEST, null, 64 * MIB, "Image", 0);
		Plan p = new Resolver(FileProbe.in(dir)).resolve(s).plan();
		assertEquals(12345, p.domains().get(0).boot().kernel().size());
		assertEquals(BootModule.SizeSource.FILE, p.domains().get(0).boot().kernel().sizeSource());
		assertEquals(3 * MIB, p.xen().image().size());
	}

	@Test
	void anArm64KernelOnA32BitBoardIsRefused(@TempDir Path dir) throws Exception {
		ByteBuffer h = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
		h.putInt(56, 0x644d5241);
		Files.write(dir.resolve("Image"), h.array());
		Files.write(dir.resolve("zImage"), new byte[4096]);
		Board b = board();
		b.setArch(Arch.ARM32);
		System s = system(b);
		domain(s, "a64", Role.GUEST, null, 64 * MIB, "Image", 0);
		domain(s, "a32", Role.GUEST, null, 64 * MIB, "zImage", 0);
		Resolution r = new Resolver(FileProbe.in(dir)).resolve(s);
		assertEquals(List.of("boot.kernel-arch"), r.findings().all().stream().map(f -> f.rule().id()).toList());
		assertTrue(r.findings().all().get(0).message().contains("a64"));
	}

	@Test
	void unknownSizeAndModulesThatDoNotFitAreNamed() {
		System s = system(board());
		domain(s, "a", Role.GUEST, null, 64 * MIB, "nosize.bin", 0);
		domain(s, "b", Role.GUEST, null, 64 * MIB, "huge.bin", 2 * Sizes.GIB);
		Resolution r = new Resolver(FileProbe.none()).resolve(s);
		assertNull(r.plan());
		List<String> rules = r.findings().all().stream().map(f -> f.rule().id() + ":" + f.message().contains(".bin")).toList();
		assertEquals(List.of("boot.module-size:true", "boot.module-fit:true"), rules);
	}

	@Test
	void dynamicAddressingLeavesAddressesToTheBootLoader() {
		System s = system(board());
		BootSettings boot = F.createBootSettings();
		boot.setAddressing(Addressing.DYNAMIC);
		s.setBoot(boot);
		domain(s, "a", Role.GUEST, null, 64 * MIB, "nosize.bin", 0);
		Plan p = new Resolver(FileProbe.none()).resolve(s).plan();
		assertTrue(p.boot().dynamic());
		assertTrue(p.boot().loads().stream().noneMatch(BootModule::placed));
		assertTrue(p.boot().loadStart() >= p.boot().scriptAddress() + Resolver.SCRIPT_SIZE, "files go after the script");
		assertEquals(0, p.boot().loadStart() % Resolver.ALIGN);
	}

	@Test
	void xenCommandLineNamesConsoleDom0AndScheduler() {
		Board b = board();
		Device uart = F.createDevice();
		uart.setName("uart0");
		uart.setKind(DeviceKind.UART);
		uart.setDtPath("/uart@1000");
		b.getDevices().add(uart);
		System s = system(b);
		s.getXen().setConsole(uart);
		s.getXen().setScheduler(Scheduler.CREDIT2);
		s.getXen().setCmdline("loglvl=all");
		domain(s, "dom0", Role.CONTROL, null, 300 * MIB, "K", MIB).setVcpus(2);
		assertEquals(List.of("console=dtuart", "dtuart=/uart@1000", "dom0_mem=300M", "dom0_max_vcpus=2", "sched=credit2", "loglvl=all"),
				new Resolver(FileProbe.none()).resolve(s).plan().xen().options());
	}
}
