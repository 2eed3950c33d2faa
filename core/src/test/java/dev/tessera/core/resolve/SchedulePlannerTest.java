package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.plan.Plan;
import dev.tessera.core.plan.SchedulePlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

class SchedulePlannerTest {
	static final long MIB = Sizes.MIB;

	private static System pool(Scheduler sched, long... budgetsAndPeriods) {
		System s = system(board());
		Cpupool p = F.createCpupool();
		p.setName("rt");
		CpuRange r = F.createCpuRange();
		r.setFirst(1);
		p.getCpus().add(r);
		p.setScheduler(sched);
		s.getCpupools().add(p);
		domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "K", MIB);
		for (int i = 0; i < budgetsAndPeriods.length; i += 2) {
			Domain d = domain(s, "p" + i / 2, Role.GUEST, i == 2 ? Start.XL : null, 32 * MIB, "K", MIB);
			d.setCpupool(p);
			d.setRtBudget(budgetsAndPeriods[i]);
			d.setRtPeriod(budgetsAndPeriods[i + 1]);
		}
		return s;
	}

	@Test
	void anArinc653PoolGetsItsSynthesisedScheduleNamingBootDomainsByIdAndXlDomainsByName() {
		Plan p = new Resolver(FileProbe.none()).resolve(pool(Scheduler.ARINC653, 1000, 5000, 2000, 6000, 3000, 10000)).plan();
		SchedulePlan.Arinc653 a = p.schedules().arinc653().get(0);
		assertEquals("rt", a.pool());
		assertEquals(30000, a.majorFrameUs());
		assertEquals(List.of("p0", "p1", "p2"), a.partitions().stream().map(SchedulePlan.Partition::domain).toList());
		assertTrue(a.slots().stream().anyMatch(x -> "p0".equals(x.domain()) && "1".equals(x.target())), "p0 starts at boot: domain 1");
		assertTrue(a.slots().stream().anyMatch(x -> "p1".equals(x.domain()) && "p1".equals(x.target())), "p1 is started with xl: its name");
		assertFalse(a.entries().get(a.entries().size() - 1).idle(), "the idle time that ends the frame is no entry");
	}

	@Test
	void rtdsDomainsGetTheirBudgets() {
		Plan p = new Resolver(FileProbe.none()).resolve(pool(Scheduler.RTDS, 2000, 10000, 5000, 10000)).plan();
		assertEquals(List.of(new SchedulePlan.Rtds("p0", "1", 10000, 2000, false), new SchedulePlan.Rtds("p1", "p1", 10000, 5000, false)),
				p.schedules().rtds());
		assertTrue(p.schedules().arinc653().isEmpty());
	}
}
