package dev.tessera.core.sched;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.sched.Arinc653Synthesis.Partition;
import dev.tessera.core.sched.Arinc653Synthesis.Result;
import dev.tessera.core.sched.Arinc653Synthesis.Slot;

class Arinc653SynthesisTest {
	/** The ARINC 653 article's example: periods 5, 6 and 10 ms, budgets 1, 2 and 3 ms. */
	static final List<Partition> SEED = List.of(new Partition("p5", 5000, 1000), new Partition("p6", 6000, 2000),
			new Partition("p10", 10000, 3000));

	@Test
	void theSeedExampleFitsA30MsFrameAndEveryWindowGetsItsBudget() {
		Result r = Arinc653Synthesis.synthesise(SEED, 0, 0);
		assertTrue(r.feasible());
		assertEquals(30000, r.majorFrame());
		assertEquals(6000, r.timeOf("p5"));
		assertEquals(10000, r.timeOf("p6"));
		assertEquals(9000, r.timeOf("p10"));
		for (Partition p : SEED)
			for (long w = 0; w < 30000; w += p.period()) {
				long from = w, to = w + p.period();
				long got = r.slots().stream().filter(s -> p.name().equals(s.partition()))
						.mapToLong(s -> Math.max(0, Math.min(s.end(), to) - Math.max(s.start(), from))).sum();
				assertEquals(p.budget(), got, p.name() + " in [" + from + ", " + to + ")");
			}
		long covered = r.slots().stream().mapToLong(Slot::length).sum();
		assertEquals(30000, covered, "the slots, idle ones included, fill the frame");
	}

	@Test
	void theSameInputGivesTheSameSlots() {
		assertEquals(Arinc653Synthesis.synthesise(SEED, 0, 20), Arinc653Synthesis.synthesise(SEED, 0, 20));
	}

	@Test
	void budgetsBeyondTheCpuAreRefusedWithTheUtilisationAndTheFirstWindowMissed() {
		Result r = Arinc653Synthesis.synthesise(List.of(new Partition("p5", 5000, 2000), new Partition("p6", 6000, 3000),
				new Partition("p10", 10000, 4000)), 0, 0);
		assertFalse(r.feasible());
		assertEquals(1.3, r.utilisation(), 1e-9);
		assertEquals("p10", r.miss().partition());
		assertEquals(0, r.miss().windowStart());
		assertEquals(10000, r.miss().windowEnd());
	}

	@Test
	void switchOverheadIsPaidByTheSlotItStartsSoTheBudgetStaysWhole() {
		Result r = Arinc653Synthesis.synthesise(SEED, 0, 100);
		assertTrue(r.feasible());
		long switches = r.slots().stream().filter(s -> !s.idle()).count();
		assertEquals(6000 + 10000 + 9000 + 100 * switches, r.slots().stream().filter(s -> !s.idle()).mapToLong(Slot::length).sum());
	}
}
