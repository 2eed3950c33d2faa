package dev.tessera.core.rules.shm;

import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;
import static dev.tessera.model.TesseraPackage.Literals.REGION__BASE;
import static dev.tessera.model.TesseraPackage.Literals.SHM_MAPPING__DOMAIN;
import static dev.tessera.model.TesseraPackage.Literals.SHM_MAPPING__GUEST_ADDRESS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.memory.StaticRegions;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Domain;
import dev.tessera.model.SharedMemory;
import dev.tessera.model.ShmMapping;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * Static shared memory as Xen 4.17 reads it (docs/misc/arm/device-tree/booting.txt, "Static Shared Memory"):
 * between domains Xen creates at boot, each domain once, a page-aligned region with a short id.
 */
public final class SharedMemoryIsValid extends Rule {
	static final RuleInfo INFO = new RuleInfo("shm.valid", Section.SHARED_MEMORY, Severity.ERROR,
			"Shared memory links domains started at boot, each once, with an aligned region",
			"Xen sets up static shared memory only for the domains it creates at boot; its id is at most 15 "
					+ "characters (xen,shm-id); the region and every guest address are page-aligned, it has a borrower besides "
					+ "its owner, and a domain maps a region once. A region at a given address lies in RAM and on no domain's static memory: Xen would map "
					+ "memory that is not there, or that another domain owns.");

	public SharedMemoryIsValid() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (SharedMemory shm : s.getSharedMemory()) {
			String n = shm.getName();
			if (n != null && n.length() > 15)
				out.report(INFO, shm, NAMED__NAME, "shared memory id '" + n + "' is " + n.length()
						+ " characters long; Xen's xen,shm-id holds at most 15");
			if (shm.getSize() <= 0 || shm.getSize() % 4096 != 0)
				out.report(INFO, shm, NAMED__NAME, "shared memory '" + n + "' needs a size that is a multiple of 4 KiB ('size 16M')");
			if (shm.isSetBase() && shm.getBase() % 4096 != 0)
				out.report(INFO, shm, REGION__BASE, "shared memory '" + n + "' starts at " + Sizes.hex(shm.getBase())
						+ ", which is not 4 KiB-aligned");
			Board b = Walk.board(s);
			if (shm.isSetBase() && shm.getSize() > 0 && b != null && !b.getRam().isEmpty()
					&& b.getRam().stream().noneMatch(bank -> shm.getBase() >= bank.getBase()
							&& shm.getBase() + shm.getSize() <= bank.getBase() + bank.getSize()))
				out.report(INFO, shm, REGION__BASE, "shared memory '" + n + "' " + Sizes.range(shm.getBase(), shm.getSize())
						+ " is not inside a RAM bank of board '" + b.getName() + "' (" + StaticRegions.banks(b) + ")");
			if (shm.isSetBase() && shm.getSize() > 0)
				for (StaticRegions.Placed r : StaticRegions.of(s))
					if (r.overlaps(shm.getBase(), shm.getSize()))
						out.report(INFO, shm, REGION__BASE, "shared memory '" + n + "' " + Sizes.range(shm.getBase(), shm.getSize())
								+ " overlaps static memory " + r.range() + " of domain '" + r.domain().getName() + "'");
			if (shm.getBorrowers().isEmpty())
				out.report(INFO, shm, NAMED__NAME, "shared memory '" + n + "' has no borrower: nothing shares it");
			List<ShmMapping> all = new ArrayList<>();
			if (shm.getOwner() != null) all.add(shm.getOwner());
			all.addAll(shm.getBorrowers());
			Set<Domain> seen = new HashSet<>();
			for (ShmMapping m : all) {
				Domain d = m.getDomain();
				if (d == null || d.eIsProxy()) continue;
				if (!seen.add(d))
					out.report(INFO, m, SHM_MAPPING__DOMAIN, "domain '" + d.getName() + "' maps shared memory '" + n + "' twice");
				if (Systems.startOf(d) != Start.BOOT)
					out.report(INFO, m, SHM_MAPPING__DOMAIN, "domain '" + d.getName() + "' is not started at boot, so Xen "
							+ "cannot give it static shared memory '" + n + "': start it at-boot");
				if (m.isSetGuestAddress() && m.getGuestAddress() % 4096 != 0)
					out.report(INFO, m, SHM_MAPPING__GUEST_ADDRESS, "domain '" + d.getName() + "' maps shared memory '" + n
							+ "' at " + Sizes.hex(m.getGuestAddress()) + ", which is not 4 KiB-aligned");
			}
		}
	}
}
