package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.boot.harness.NetLinks.Vif;
import dev.tessera.core.backends.Backends;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.DiskFrontend;
import dev.tessera.model.Domain;
import dev.tessera.model.NetFrontend;
import dev.tessera.model.Role;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * The driver domains a marker boot makes serve their backends with xl devd, and what they serve: those started with
 * xl, and those Xen starts at boot with PV interfaces (xen-enhanced), which get xenstore from dom0's init-dom0less.
 */
record DriverDomains(System system, List<Domain> serving) {
	static DriverDomains of(System s) {
		return new DriverDomains(s, s.getDomains().stream().filter(d -> d.getRole() == Role.DRIVER
				&& Systems.startOf(d) != Start.DOM0 && Backends.hasXenstore(s, d)).toList());
	}

	boolean serves(Domain d) {
		return serving.contains(d);
	}

	/** Whether a domain serves PV devices or is served some by one of them. */
	boolean usesPv(Domain d) {
		return serves(d) || d.getFrontends().stream().anyMatch(f -> serving.contains(f.getBackend()));
	}

	/** Every vif they serve, with the index of the vif among its guest's. */
	List<Vif> vifs() {
		List<Vif> vifs = new ArrayList<>();
		for (Domain d : system.getDomains()) {
			int index = 0;
			for (var f : d.getFrontends())
				if (f instanceof NetFrontend n) {
					if (serving.contains(n.getBackend())) vifs.add(new Vif(d.getName(), index, n.getBackend().getName(), n.getBridge(), n.getMac()));
					index++;
				}
		}
		return vifs;
	}

	/** A domain's disks that one of them serves from an image file (which the driver domain writes). */
	List<DiskFrontend> disksOf(Domain d) {
		List<DiskFrontend> out = new ArrayList<>();
		for (var f : d.getFrontends())
			if (f instanceof DiskFrontend disk && disk.getTarget() != null && !disk.getTarget().startsWith("/dev/") && serving.contains(disk.getBackend()))
				out.add(disk);
		return out;
	}

	/** The disk images a driver domain serves, in the system's order. */
	List<String> imagesServedBy(Domain driver) {
		List<String> images = new ArrayList<>();
		for (Domain d : system.getDomains())
			for (DiskFrontend f : disksOf(d))
				if (f.getBackend() == driver) images.add(f.getTarget());
		return images;
	}
}
