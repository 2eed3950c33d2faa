package dev.tessera.core.rules;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.Frontend;
import dev.tessera.model.Passthrough;
import dev.tessera.model.System;

/**
 * The walks over a system that many rules share. Each goes in declaration order, domain by domain, and leaves out
 * what a half-written model does not have yet (a reference not written or not resolved), so that a rule adds only
 * its own condition.
 */
public final class Walk {
	private Walk() {
	}

	/** A frontend of a domain, and the domain it names as its backend. */
	public record Served(Domain domain, Frontend frontend, Domain backend) {
	}

	/** A passthrough of a domain, and the device it gives the domain. */
	public record PassedThrough(Domain domain, Passthrough passthrough, Device device) {
	}

	/** Every frontend that names a backend that resolves (a frontend naming none is served by dom0). */
	public static List<Served> frontends(System s) {
		List<Served> out = new ArrayList<>();
		for (Domain d : s.getDomains())
			for (Frontend f : d.getFrontends())
				if (f.getBackend() != null && !f.getBackend().eIsProxy()) out.add(new Served(d, f, f.getBackend()));
		return out;
	}

	/** Every passthrough whose device resolves. */
	public static List<PassedThrough> passthroughs(System s) {
		List<PassedThrough> out = new ArrayList<>();
		for (Domain d : s.getDomains())
			for (Passthrough p : d.getPassthrough())
				if (p.getDevice() != null && !p.getDevice().eIsProxy()) out.add(new PassedThrough(d, p, p.getDevice()));
		return out;
	}

	/** The system's board, or null while it names none or one that does not resolve. */
	public static Board board(System s) {
		Board b = s.getBoard();
		return b == null || b.eIsProxy() ? null : b;
	}
}
