package dev.tessera.core.resolve;

import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Builds small boards and systems in code, the way any input format fills the model. */
final class Models {
	static final TesseraFactory F = TesseraFactory.eINSTANCE;

	static Board board() {
		Board b = F.createBoard();
		b.setName("tb");
		b.setArch(Arch.AARCH64);
		b.setDeviceTree("tb.dts");
		CpuCluster c = F.createCpuCluster();
		c.setName("c0");
		for (int i = 0; i < 2; i++) {
			Cpu cpu = F.createCpu();
			cpu.setName("cpu" + i);
			cpu.setDtPath("/cpus/cpu@" + i);
			c.getCpus().add(cpu);
		}
		b.getClusters().add(c);
		RamBank ram = F.createRamBank();
		ram.setName("bank0");
		ram.setBase(0x40000000L);
		ram.setSize(Sizes.GIB);
		b.getRam().add(ram);
		return b;
	}

	static ReservedRegion reserve(Board b, String name, long base, long size, boolean loader) {
		ReservedRegion r = F.createReservedRegion();
		r.setName(name);
		r.setBase(base);
		r.setSize(size);
		r.setLoader(loader);
		b.getReserved().add(r);
		return r;
	}

	static System system(Board b) {
		System s = F.createSystem();
		s.setName("s");
		s.setBoard(b);
		XenSettings x = F.createXenSettings();
		x.setVersion("4.17");
		x.setImage(file("xen", 2 * Sizes.MIB));
		s.setXen(x);
		return s;
	}

	static Domain domain(System s, String name, Role role, Start start, long memory, String kernel, long kernelMax) {
		Domain d = F.createDomain();
		d.setName(name);
		d.setRole(role);
		if (start != null) d.setStart(start);
		d.setMemory(memory);
		d.setKernel(file(kernel, kernelMax));
		s.getDomains().add(d);
		return d;
	}

	static Device device(Board b, String name, String path, long base, long size, int spi) {
		Device dev = F.createDevice();
		dev.setName(name);
		dev.setDtPath(path);
		dev.getCompatible().add("vendor," + name);
		RegRange r = F.createRegRange();
		r.setBase(base);
		r.setSize(size);
		dev.getRegs().add(r);
		if (spi >= 0) {
			Interrupt irq = F.createInterrupt();
			irq.setType(IrqType.SPI);
			irq.setNumber(spi);
			irq.setTrigger(Trigger.LEVEL_HIGH);
			dev.getIrqs().add(irq);
		}
		b.getDevices().add(dev);
		return dev;
	}

	static FixedClock fixedClock(Board b, String name, String path, long hz) {
		FixedClock c = F.createFixedClock();
		c.setName(name);
		c.setDtPath(path);
		c.setFrequency(hz);
		b.getFixedClocks().add(c);
		return c;
	}

	/** Adds a clock of {@code provider} (a fixed clock's or a controller's path) with its cells to the device. */
	static void clock(Device dev, String provider, long... cells) {
		DtReference r = F.createDtReference();
		r.setProvider(provider);
		for (long c : cells) r.getCells().add(c);
		dev.getClocks().add(r);
	}

	static void pass(Domain d, Device dev) {
		Passthrough p = F.createPassthrough();
		p.setDevice(dev);
		d.getPassthrough().add(p);
	}

	static BootFile file(String path, long max) {
		BootFile f = F.createBootFile();
		f.setPath(path);
		f.setMaxSize(max);
		return f;
	}
}
