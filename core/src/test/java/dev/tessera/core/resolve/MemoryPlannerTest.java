package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.plan.MemoryRange;
import dev.tessera.core.plan.SharedMemoryPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

class MemoryPlannerTest {
	static final long MIB = Sizes.MIB;

	@Test
	void staticMemoryWithoutAnAddressComesFromTheTopOfFreeRam() {
		Board b = board();
		reserve(b, "top", 0x7f000000L, 16 * MIB, false);
		System s = system(b);
		Domain rt = staticDomain(s, "rt", 64 * MIB);
		MemoryPlanner.Layout m = MemoryPlanner.plan(s, b, new Findings());
		assertEquals(List.of(new MemoryRange(0x7f000000L - 64 * MIB, 64 * MIB)), m.staticOf(rt));
		assertTrue(m.free().lowest(0x7f000000L - 64 * MIB, MIB, MIB).isEmpty(), "nothing free is left at the top");
	}

	@Test
	void sharedMemoryIsSeenByItsOwnerAndBorrowersWhereTheyMapIt() {
		Board b = board();
		System s = system(b);
		Domain a = domain(s, "a", Role.GUEST, null, 64 * MIB, "K", MIB);
		Domain c = domain(s, "c", Role.GUEST, null, 64 * MIB, "K", MIB);
		SharedMemory shm = F.createSharedMemory();
		shm.setName("ring");
		shm.setSize(2 * MIB);
		ShmMapping owner = F.createShmMapping();
		owner.setDomain(a);
		shm.setOwner(owner);
		ShmMapping borrower = F.createShmMapping();
		borrower.setDomain(c);
		borrower.setGuestAddress(0x10000000L);
		shm.getBorrowers().add(borrower);
		s.getSharedMemory().add(shm);
		MemoryPlanner.Layout m = MemoryPlanner.plan(s, b, new Findings());
		SharedMemoryPlan mine = m.sharedOf(a).get(0), theirs = m.sharedOf(c).get(0);
		assertEquals(SharedMemoryPlan.Role.OWNER, mine.role());
		assertEquals(SharedMemoryPlan.Role.BORROWER, theirs.role());
		assertEquals(0x80000000L - 2 * MIB, mine.hostAddress(), "from the top of RAM");
		assertEquals(mine.hostAddress(), mine.guestAddress(), "the owner sees it where it is");
		assertEquals(0x10000000L, theirs.guestAddress());
		assertEquals(mine.hostAddress(), theirs.hostAddress());
	}

	@Test
	void staticMemoryThatFitsNowhereIsNamedWithTheLargestFreeRange() {
		Board b = board();
		System s = system(b);
		staticDomain(s, "big", 2 * Sizes.GIB);
		Findings out = new Findings();
		MemoryPlanner.plan(s, b, out);
		assertEquals("memory.static-fit", out.all().get(0).rule().id());
		assertTrue(out.all().get(0).message().contains("'big'") && out.all().get(0).message().contains("largest free range is 1G"), out.all().get(0).message());
	}

	@Test
	void reservedMemoryAndFixedStaticRegionsAreNotFree() {
		Board b = board();
		reserve(b, "fw", 0x40000000L, 4 * MIB, false);
		System s = system(b);
		Domain rt = staticDomain(s, "rt", 32 * MIB);
		StaticRegion r = F.createStaticRegion();
		r.setBase(0x40400000L);
		rt.getStaticMemory().add(r);
		OptionalLong first = MemoryPlanner.plan(s, b, new Findings()).free().lowest(0x40000000L, MIB, MIB);
		assertEquals(0x40400000L + 32 * MIB, first.getAsLong());
	}

	private static Domain staticDomain(System s, String name, long memory) {
		Domain d = domain(s, name, Role.GUEST, null, memory, "K", MIB);
		d.setStaticAllocation(true);
		return d;
	}
}
