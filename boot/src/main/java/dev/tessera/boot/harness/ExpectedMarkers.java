package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tessera.boot.harness.MarkerPlan.Guest;
import dev.tessera.boot.harness.MarkerPlan.ServedDisk;
import dev.tessera.boot.harness.NetLinks.NetLink;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.marker.MarkerScripts;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Start;

/** What the domains must print for a boot to pass. */
final class ExpectedMarkers {
	private ExpectedMarkers() {
	}

	/**
	 * A marker boot: every domain reports what the plan resolved for it (CPUs, static memory, passed-through registers,
	 * shared memory) and the result of every check its command line asked for.
	 */
	static List<ExpectedMarker> of(MarkerPlan marker, PlanView plan) {
		List<ExpectedMarker> out = new ArrayList<>();
		for (PlanView.Domain d : plan.domains()) {
			Guest g = marker.guest(d.name());
			// the burner prints nothing: what it does shows in dom0's measurement
			if (g.burner()) continue;
			out.add(ExpectedMarker.up(d.name()));
			out.add(ExpectedMarker.of(d.name(), MarkerKind.CPUS, "n=" + d.vcpus()));
			if (d.directMap())
				for (PlanView.Range r : d.staticMemory())
					out.add(ExpectedMarker.of(d.name(), MarkerKind.IOMEM, String.format("%08x-%08x : System RAM", r.base(), r.end() - 1)));
			for (PlanView.Device p : d.passthrough())
				out.add(ExpectedMarker.of(d.name(), MarkerKind.DTREG, "/passthrough/" + p.node() + " " + p.regCells()));
			// a passed-through GPIO controller: its driver bound it and read a line value
			for (String gpio : g.gpio()) out.add(ExpectedMarker.of(d.name(), MarkerKind.GPIO, gpio + " bound "));
			// a driver domain ran its generated serve script
			if (g.serving() != null) out.add(ExpectedMarker.of(d.name(), MarkerKind.SERVE, "ok"));
			for (PlanView.Shm m : d.sharedMemory())
				out.add(ExpectedMarker.of(d.name(), MarkerKind.SHM, m.owner() ? "wrote" : "read " + Sizes.hex(m.guestAddress()) + " " + MarkerScripts.SHM_WORD));
			// a disk a driver domain serves: the domain reads the image's first line from it
			for (ServedDisk disk : g.disks())
				out.add(ExpectedMarker.of(d.name(), MarkerKind.DISK, disk.vdev() + " " + MarkerScripts.DISK_TEXT + " " + disk.image()));
			// a vif a driver domain serves: the driver domain made the bridge the xl config names and finds the guest's MAC
			// learnt on a vif port of it; the guest pings the bridge's address through it
			if (g.serving() != null) {
				Set<String> bridges = new LinkedHashSet<>();
				for (NetLink l : g.serving().links()) {
					if (bridges.add(l.bridge())) out.add(ExpectedMarker.of(d.name(), MarkerKind.BRIDGE, l.bridge() + " " + l.backendAddress() + "/24"));
					out.add(ExpectedMarker.of(d.name(), MarkerKind.BRIF, " connected " + l.bridge() + " " + l.macOrAny()));
				}
			}
			for (NetLink l : g.nets())
				out.add(ExpectedMarker.of(d.name(), MarkerKind.NET, "ping " + l.backendAddress() + " from " + l.iface() + (l.mac() != null ? " " + l.macOrAny() : "")));
			out.add(ExpectedMarker.done(d.name()));
		}
		// dom0 ran the generated start script, which attached the PV devices of the boot domains; those got xenstore late
		Guest dom0 = marker.dom0();
		if (dom0 != null && dom0.dom0().startScript()) out.add(ExpectedMarker.of(dom0.name(), MarkerKind.START, "ok"));
		if (dom0 != null && dom0.dom0().extraArgs().stream().anyMatch(a -> a.startsWith(MarkerExtras.SHARES_ARG)))
			out.add(ExpectedMarker.of(dom0.name(), MarkerKind.SHARES, "window="));
		// an xl domain that names a pool is in it, under the pool's own name (the start script named the pool)
		if (dom0 != null && dom0.dom0().startScript())
			for (PlanView.Domain d : plan.domains())
				if (d.start() == Start.XL && d.cpupool() != null)
					out.add(ExpectedMarker.of(dom0.name(), MarkerKind.XLLIST, d.name() + " " + d.id() + " " + d.cpupool()));
		for (Guest g : marker.guests())
			if (g.lateXenstore()) out.add(ExpectedMarker.of(g.name(), MarkerKind.XS, "xenbus up"));
		if (plan.dom0() != null)
			for (PlanView.Pool pool : plan.cpupools()) {
				// xl cpupool-list: name, CPUs, scheduler, active, domain count; dom0 lists the pools before its start
				// script creates the xl domains, so only the domains Xen started count
				long members = plan.domains().stream().filter(d -> d.start() != Start.XL && pool.name().equals(d.cpupool())).count();
				out.add(ExpectedMarker.of(plan.dom0(), MarkerKind.XLOUT, " " + pool.cpus() + " " + (pool.scheduler() != null ? pool.scheduler() : "")
						+ " y " + members));
			}
		return out;
	}

	/**
	 * A boot of the user's own kernels: Tessera cannot know what each prints, so it waits for a sign of life, console
	 * output of every domain Xen starts at boot (Xen prefixes it with DOM&lt;id&gt;: or (d&lt;id&gt;)) and, for dom0, Linux reaching its
	 * init. Domains started with xl are the user's dom0's business.
	 */
	static List<ExpectedMarker> signsOfLife(PlanView plan) {
		List<ExpectedMarker> l = new ArrayList<>();
		if (plan.dom0() != null) l.add(ExpectedMarker.log("Freeing unused kernel memory"));
		plan.bootDomains().forEach(d -> l.add(ExpectedMarker.consoleOf(d.id())));
		return l;
	}
}
