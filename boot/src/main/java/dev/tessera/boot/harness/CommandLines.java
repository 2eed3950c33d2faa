package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.boot.harness.MarkerPlan.Dom0Duties;
import dev.tessera.boot.harness.MarkerPlan.Guest;
import dev.tessera.boot.harness.MarkerPlan.ServedDisk;
import dev.tessera.boot.harness.MarkerPlan.ShmAccess;
import dev.tessera.boot.harness.NetLinks.NetLink;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Start;

/**
 * A domain's marker command line: its console, the marker {@code /init}, its name, and the {@code tess_*} arguments
 * that ask init.sh and hook.sh (dev.tessera.boot.marker) for each check the marker plan decided.
 */
final class CommandLines {
	private CommandLines() {
	}

	static String of(Guest g) {
		List<String> args = new ArrayList<>();
		args.add(g.start() == Start.BOOT && g.vuart() ? "console=ttyAMA0" : "console=hvc0");
		args.add("rdinit=/init");
		args.add("guest=" + g.name());
		Dom0Duties dom0 = g.dom0();
		if (dom0 != null) {
			args.add("tess_dom0=1");
			// one tess_xl: cpupool-list for the system's pools, then the xl commands a test adds (of two, the kernel
			// would give /init the last only)
			List<String> xl = new ArrayList<>(), extra = new ArrayList<>();
			if (dom0.cpupoolList()) xl.add("cpupool-list");
			for (String a : dom0.extraArgs())
				if (a.startsWith("tess_xl=")) xl.addAll(List.of(a.substring("tess_xl=".length()).split(",")));
				else extra.add(a);
			list(args, "tess_xl", xl);
			list(args, "tess_relay", dom0.relay());
			if (dom0.startScript()) args.add("tess_start=1");
			args.addAll(extra);
		}
		if (g.iomem()) args.add("tess_iomem=1");
		if (g.lateXenstore()) args.add("tess_latexs=1");
		if (g.serving() != null) {
			args.add("tess_domd=1");
			list(args, "tess_diskimg", g.serving().diskImages());
			// the bridges its vifs join, with an address each, and which guest MAC must come in on a vif port of which
			list(args, "tess_br", g.serving().bridges());
			list(args, "tess_brif", g.serving().links().stream().map(l -> l.bridge() + ":" + l.macOrAny()).toList());
		}
		list(args, "tess_net", g.nets().stream().map(CommandLines::net).toList());
		list(args, "tess_disk", g.disks().stream().map(ServedDisk::vdev).toList());
		// a boot domain's devices come once dom0 attaches them, after init-dom0less and the driver domain's start
		if (g.waitsForPv()) args.add("tess_pvwait=150");
		list(args, "tess_dtreg", g.dtreg());
		list(args, "tess_gpio", g.gpio());
		for (ShmAccess m : g.shm()) args.add((m.owner() ? "tess_shmw=" : "tess_shmr=") + Sizes.hex(m.guestAddress()));
		args.addAll(g.extraArgs());
		return String.join(" ", args);
	}

	/** IFACE/ADDRESS/PEER: the guest's interface, its address, the bridge's address it pings. */
	private static String net(NetLink l) {
		return l.iface() + "/" + l.guestAddress() + "/" + l.backendAddress();
	}

	private static void list(List<String> args, String key, List<String> values) {
		if (!values.isEmpty()) args.add(key + "=" + String.join(",", values));
	}
}
