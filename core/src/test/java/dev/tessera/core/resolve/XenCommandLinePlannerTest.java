package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.model.*;
import dev.tessera.model.System;

class XenCommandLinePlannerTest {
	@Test
	void withoutConsoleAndDom0OnlyTheSchedulerAndTheUsersOptionsRemain() {
		System s = system(board());
		s.getXen().setScheduler(Scheduler.NULL);
		s.getXen().setHmpUnsafe(true);
		s.getXen().setCmdline("  loglvl=all  ");
		assertEquals(List.of("sched=null", "hmp-unsafe=true", "loglvl=all"), XenCommandLinePlanner.options(s, null, null));
	}
}
