package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

class CpuPlannerTest {
	@Test
	void aPoolNamesItsCpusByDeviceTreePathAndLeavesAnUnsetSchedulerToXen() {
		Board b = board();
		System s = system(b);
		Cpupool pool = F.createCpupool();
		pool.setName("rt");
		CpuRange r = F.createCpuRange();
		r.setFirst(1);
		pool.getCpus().add(r);
		s.getCpupools().add(pool);
		Domain d = domain(s, "u", Role.GUEST, null, 64 * Sizes.MIB, "K", Sizes.MIB);
		d.setCpupool(pool);
		d.setVcpus(1);
		CpuPlanner cpus = new CpuPlanner(s, b);
		assertEquals(List.of(1), cpus.pools().get(0).cpus());
		assertEquals(List.of("/cpus/cpu@1"), cpus.pools().get(0).cpuPaths());
		assertNull(cpus.pools().get(0).scheduler());
		assertSame(cpus.pools().get(0), cpus.of(d).pool());
	}

	@Test
	void pinningExpandsRanges() {
		Board b = board();
		System s = system(b);
		Domain d = domain(s, "u", Role.GUEST, null, 64 * Sizes.MIB, "K", Sizes.MIB);
		CpuRange r = F.createCpuRange();
		r.setFirst(0);
		r.setLast(1);
		d.getPin().add(r);
		d.setVcpus(2);
		var plan = new CpuPlanner(s, b).of(d);
		assertEquals(List.of(0, 1), plan.pin());
		assertEquals("0-1", plan.pinList());
	}
}
