package dev.tessera.core.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.rules.domains.EnhancedNeedsDom0;
import dev.tessera.model.Domain;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.Role;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFactory;

/** What each Xen release does with xenstore for domains it starts at boot, without dom0. */
class XenstoreRulesTest {
	static final TesseraFactory F = TesseraFactory.eINSTANCE;

	private static System dom0lessDriverPair(String version) {
		System s = F.createSystem();
		s.setName("s");
		s.setXen(F.createXenSettings());
		s.getXen().setVersion(version);
		Domain d = F.createDomain();
		d.setName("d");
		d.setRole(Role.DRIVER);
		d.setEnhanced(true);
		Domain u = F.createDomain();
		u.setName("u");
		u.setEnhanced(true);
		NetFrontend vif = F.createNetFrontend();
		vif.setBackend(d);
		u.getFrontends().add(vif);
		s.getDomains().addAll(List.of(d, u));
		return s;
	}

	private static List<String> messages(System s) {
		Findings out = new Findings();
		new EnhancedNeedsDom0().check(s, out);
		return out.all().stream().map(f -> f.message()).toList();
	}

	@Test
	void upTo420XenRunsXenstoreOnlyWithDom0() {
		List<String> m = messages(dom0lessDriverPair("4.20"));
		assertEquals(2, m.size(), "the server and the user");
		assertTrue(m.get(0).startsWith("domain 'd' serves PV devices") && m.get(0).contains("Xen 4.20 runs xenstore only with dom0"), m.get(0));
		assertTrue(m.get(1).startsWith("domain 'u' uses PV devices"), m.get(1));
	}

	@Test
	void from421ABootDomainCouldServeXenstoreWhichTesseraDoesNotEmit() {
		assertTrue(messages(dom0lessDriverPair("4.21")).get(0).contains("Xen 4.21 could make a boot domain the xenstore domain"));
	}

	@Test
	void aDomainWithoutPvDevicesNeedsNoXenstore() {
		System s = dom0lessDriverPair("4.20");
		s.getDomains().get(1).getFrontends().clear();
		assertEquals(List.of(), messages(s), "its PV interfaces are emitted as no-xenstore");
	}
}
