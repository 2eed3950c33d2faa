package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.plan.FrontendPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

class BackendPlannerTest {
	static final long MIB = Sizes.MIB;

	@Test
	void devicesNameTheirBackendAsXlDoesAndTakeDefaults() {
		System s = system(board());
		domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "K", MIB);
		Domain domd = domain(s, "domd", Role.DRIVER, Start.XL, 64 * MIB, "K", MIB);
		Domain guest = domain(s, "guest", Role.GUEST, Start.XL, 64 * MIB, "K", MIB);
		DiskFrontend disk = F.createDiskFrontend();
		disk.setVdev("xvda");
		disk.setTarget("/img");
		disk.setBackend(domd);
		guest.getFrontends().add(disk);
		SoundFrontend snd = F.createSoundFrontend();
		guest.getFrontends().add(snd);
		List<FrontendPlan> f = BackendPlanner.frontends(s, guest);
		assertEquals(new FrontendPlan.Disk("domd", "xvda", "raw", false, "/img"), f.get(0));
		FrontendPlan.Sound sound = (FrontendPlan.Sound) f.get(1);
		assertEquals(FrontendPlan.DOM0, sound.backend(), "no backend named: dom0 serves it");
		assertEquals("guest", sound.card(), "the card is named after its domain");
	}

	@Test
	void backendsStartBeforeTheDomainsTheyServe() {
		System s = system(board());
		Domain guest = domain(s, "guest", Role.GUEST, Start.XL, 64 * MIB, "K", MIB);
		Domain domd = domain(s, "domd", Role.DRIVER, Start.XL, 64 * MIB, "K", MIB);
		NetFrontend vif = F.createNetFrontend();
		vif.setBackend(domd);
		guest.getFrontends().add(vif);
		assertEquals(List.of("domd", "guest"), BackendPlanner.plan(s, List.of()).startOrder());
	}

	@Test
	void withoutDom0ABootDomainsPvInterfacesHaveNoXenstore() {
		System s = system(board());
		Domain a = domain(s, "a", Role.GUEST, null, 64 * MIB, "K", MIB);
		a.setEnhanced(true);
		assertEquals(dev.tessera.core.plan.DomainPlan.Enhanced.NO_XENSTORE, BackendPlanner.enhanced(s, a), "nothing could give it xenstore");
		domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "K", MIB);
		assertEquals(dev.tessera.core.plan.DomainPlan.Enhanced.ENABLED, BackendPlanner.enhanced(s, a), "dom0's init-dom0less gives it xenstore");
		a.setNoXenstore(true);
		assertEquals(dev.tessera.core.plan.DomainPlan.Enhanced.NO_XENSTORE, BackendPlanner.enhanced(s, a), "unless it says it needs none");
	}
}
