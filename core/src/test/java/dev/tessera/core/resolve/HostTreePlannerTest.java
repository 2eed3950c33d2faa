package dev.tessera.core.resolve;

import static dev.tessera.core.resolve.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.core.plan.Plan;
import dev.tessera.core.plan.tree.Cell;
import dev.tessera.core.plan.tree.DtNode;
import dev.tessera.core.plan.tree.DtProperty;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.*;
import dev.tessera.model.System;

class HostTreePlannerTest {
	static final long MIB = Sizes.MIB;

	private static Plan twoDomainsAndAChannel() {
		System s = system(board());
		Domain dom0 = domain(s, "dom0", Role.CONTROL, null, 64 * MIB, "Image", MIB);
		dom0.setCmdline("console=hvc0");
		Domain a = domain(s, "a", Role.GUEST, null, 64 * MIB, "Image", MIB);
		domain(s, "b", Role.GUEST, null, 32 * MIB, "Image", MIB);
		EventChannel e = F.createEventChannel();
		e.setName("ring");
		e.setA(a);
		e.setAPort(10);
		e.setB(dom0);
		e.setBPort(11);
		s.getEventChannels().add(e);
		return new Resolver(FileProbe.none()).resolve(s).plan();
	}

	private static DtNode child(DtNode n, String name) {
		return n.children().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
	}

	private static DtProperty prop(DtNode n, String name) {
		return n.properties().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
	}

	@Test
	void chosenCarriesXensCommandLineDom0sModulesAndEveryBootDomainInOrder() {
		Plan p = twoDomainsAndAChannel();
		DtNode chosen = p.hostTree().chosen();
		assertEquals(List.of("dom0-kernel", "evtchn@b", "a", "b"), chosen.children().stream().map(DtNode::name).toList());
		assertEquals(List.of(p.xen().cmdline()), prop(chosen, "xen,xen-bootargs").strings());
		DtNode a = child(chosen, "a");
		assertTrue(a.treeOrdered());
		assertEquals(Cell.two(64 * 1024), prop(a, "memory").cells(), "memory in KiB, two cells");
		assertEquals(List.of("console=hvc0"), prop(child(chosen, "dom0-kernel"), "bootargs").strings());
	}

	@Test
	void eachEndOfAnEventChannelRefersToTheOtherByPathAndByThePhandleTessaraGivesIt() {
		Plan p = twoDomainsAndAChannel();
		DtNode chosen = p.hostTree().chosen();
		DtNode dom0End = child(chosen, "evtchn@b"), aEnd = child(child(chosen, "a"), "evtchn@a");
		Cell toA = prop(dom0End, "xen,evtchn").cells().get(1), toDom0 = prop(aEnd, "xen,evtchn").cells().get(1);
		assertEquals("/chosen/a/evtchn@a", toA.name());
		assertEquals(aEnd.phandle(), toA.value());
		assertEquals("/chosen/evtchn@b", toDom0.name());
		assertEquals(dom0End.phandle(), toDom0.value());
		assertNotEquals(0, aEnd.phandle());
	}

	@Test
	void theUefiTreeNamesModulesByFileAndLeavesXensCommandLineAndDom0ToXenCfg() {
		Plan p = twoDomainsAndAChannel();
		DtNode chosen = p.uefiHostTree().chosen();
		assertTrue(chosen.properties().stream().noneMatch(x -> x.name().equals("xen,xen-bootargs")));
		assertTrue(chosen.children().stream().noneMatch(c -> c.name().startsWith("dom0-")));
		assertEquals(List.of("Image"), prop(child(child(chosen, "a"), "kernel"), "xen,uefi-binary").strings());
	}
}
