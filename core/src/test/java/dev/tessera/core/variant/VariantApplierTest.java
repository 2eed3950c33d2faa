package dev.tessera.core.variant;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.diag.Finding;
import dev.tessera.model.AddDomain;
import dev.tessera.model.ChangeDomain;
import dev.tessera.model.ChangeXen;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.RemoveDomain;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFactory;
import dev.tessera.model.Variant;
import dev.tessera.model.XenSettings;

/** A variant is made on a copy: the base system never changes, and what the variant adds refers to the copy. */
class VariantApplierTest {
	static final TesseraFactory F = TesseraFactory.eINSTANCE;

	private static Domain domain(System s, String name, long memory) {
		Domain d = F.createDomain();
		d.setName(name);
		d.setMemory(memory);
		s.getDomains().add(d);
		return d;
	}

	private static System base() {
		System s = F.createSystem();
		s.setName("line");
		XenSettings xen = F.createXenSettings();
		xen.setVersion("4.17");
		s.setXen(xen);
		Cpupool pool = F.createCpupool();
		pool.setName("rt");
		s.getCpupools().add(pool);
		domain(s, "dom0", 512 << 20);
		domain(s, "ivi", 256 << 20);
		domain(s, "guest", 128 << 20);
		return s;
	}

	private static Variant variant(System s, String name) {
		Variant v = F.createVariant();
		v.setName(name);
		s.getVariants().add(v);
		return v;
	}

	@Test
	void theCopyHasTheChangesAndTheBaseKeepsItsSettings() {
		System s = base();
		Variant v = variant(s, "premium");
		ChangeDomain ivi = F.createChangeDomain();
		ivi.setDomain("ivi");
		ivi.setMemory(1L << 30);
		ivi.setVcpus(2);
		v.getChanges().add(ivi);
		RemoveDomain guest = F.createRemoveDomain();
		guest.setDomain("guest");
		v.getChanges().add(guest);
		ChangeXen xen = F.createChangeXen();
		xen.setVersion("4.19");
		v.getChanges().add(xen);

		AppliedVariant a = VariantApplier.apply(s, v);
		assertTrue(a.ok(), a.findings().toString());
		assertEquals(List.of("dom0", "ivi"), a.system().getDomains().stream().map(Domain::getName).toList());
		assertEquals(1L << 30, a.system().getDomains().get(1).getMemory());
		assertEquals(2, a.system().getDomains().get(1).getVcpus());
		assertEquals("4.19", a.system().getXen().getVersion());
		assertTrue(a.system().getVariants().isEmpty(), "the copy is a plain system");

		assertEquals(3, s.getDomains().size());
		assertEquals(256 << 20, s.getDomains().get(1).getMemory());
		assertEquals("4.17", s.getXen().getVersion());
		assertEquals(1, s.getVariants().size());
	}

	@Test
	void anAddedDomainRefersToTheCopysPoolAndItsFindingsLandInTheVariant() {
		System s = base();
		Variant v = variant(s, "rt");
		AddDomain add = F.createAddDomain();
		Domain extra = F.createDomain();
		extra.setName("safety");
		extra.setCpupool(s.getCpupools().get(0));
		add.setDomain(extra);
		v.getChanges().add(add);

		AppliedVariant a = VariantApplier.apply(s, v);
		Domain copied = a.system().getDomains().get(3);
		assertSame(a.system().getCpupools().get(0), copied.getCpupool());
		Finding f = a.toSource(new Finding(VariantRules.CONFLICT, "m", copied, null, -1));
		assertSame(extra, f.source());
		assertEquals("in variant 'rt': m", f.message());
	}

	@Test
	void aChangedSettingsFindingLandsOnTheChangeAndAWholeSystemFindingOnTheVariant() {
		System s = base();
		Variant v = variant(s, "small");
		ChangeDomain ivi = F.createChangeDomain();
		ivi.setDomain("ivi");
		ivi.setMemory(1);
		v.getChanges().add(ivi);
		AppliedVariant a = VariantApplier.apply(s, v);
		Domain copied = a.system().getDomains().get(1);
		Finding onMemory = a.toSource(new Finding(VariantRules.CONFLICT, "m", copied, dev.tessera.model.TesseraPackage.Literals.DOMAIN__MEMORY, -1));
		assertSame(ivi, onMemory.source());
		assertSame(dev.tessera.model.TesseraPackage.Literals.CHANGE_DOMAIN__MEMORY, onMemory.feature());
		assertSame(v, a.toSource(new Finding(VariantRules.CONFLICT, "m", a.system(), null, -1)).source());
		// an unchanged domain: the system's own element
		assertSame(s.getDomains().get(0), a.toSource(new Finding(VariantRules.CONFLICT, "m", a.system().getDomains().get(0), null, -1)).source());
	}

	@Test
	void aMissingDomainIsNamedWithTheClosestOnes() {
		System s = base();
		Variant v = variant(s, "typo");
		RemoveDomain r = F.createRemoveDomain();
		r.setDomain("gest");
		v.getChanges().add(r);
		AppliedVariant a = VariantApplier.apply(s, v);
		assertFalse(a.ok());
		assertEquals(VariantRules.UNKNOWN_DOMAIN, a.findings().get(0).rule());
		assertTrue(a.findings().get(0).message().contains("did you mean 'guest'"), a.findings().get(0).message());
		assertSame(r, a.findings().get(0).source());
	}
}
