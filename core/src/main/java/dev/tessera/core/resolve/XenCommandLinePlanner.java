package dev.tessera.core.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.board.LlcColors;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.LastLevelCache;
import dev.tessera.model.System;
import dev.tessera.model.XenSettings;
import dev.tessera.model.Xsm;

/** Xen's command line: console, dom0's share, scheduler, then what the user adds, which may override. */
final class XenCommandLinePlanner {
	private XenCommandLinePlanner() {
	}

	/**
	 * LLC colouring (docs/misc/cache-coloring.rst): on as soon as anything is coloured, with the board's cache geometry
	 * (Xen then does not probe it), Xen's own colours and dom0's.
	 */
	private static void colouring(System s, DomainPlan dom0, List<String> o) {
		boolean xenColours = s.getXen() != null && !s.getXen().getLlcColors().isEmpty();
		if (!xenColours && s.getDomains().stream().allMatch(d -> d.getLlcColors().isEmpty())) return;
		o.add("llc-coloring=on");
		LastLevelCache llc = s.getBoard() != null ? s.getBoard().getLlc() : null;
		if (llc != null) {
			o.add("llc-size=" + Sizes.human(llc.getSize()));
			o.add("llc-nr-ways=" + llc.getWays());
		}
		if (xenColours) o.add("xen-llc-colors=" + LlcColors.list(s.getXen().getLlcColors()));
		if (dom0 != null && dom0.memory().llcColors() != null) o.add("dom0-llc-colors=" + dom0.memory().llcColors());
	}

	static List<String> options(System s, DomainPlan dom0, String consolePath) {
		List<String> o = new ArrayList<>();
		if (consolePath != null) {
			o.add("console=dtuart");
			o.add("dtuart=" + consolePath);
		}
		if (dom0 != null) {
			o.add("dom0_mem=" + dom0.memory().mib() + "M");
			o.add("dom0_max_vcpus=" + dom0.cpus().vcpus());
			if (!dom0.cpus().pin().isEmpty()) o.add("dom0_vcpus_pin");
		}
		XenSettings x = s.getXen();
		if (x != null && x.isSetScheduler()) o.add("sched=" + x.getScheduler().getLiteral());
		colouring(s, dom0, o);
		if (x != null && x.isHmpUnsafe()) o.add("hmp-unsafe=true");
		if (x != null && x.isSetXsm()) {
			o.add("xsm=" + x.getXsm().getLiteral());
			if (x.getXsm() == Xsm.FLASK) o.add(x.isPermissive() ? "flask=permissive" : "flask=enforcing");
		}
		if (x != null && x.getCmdline() != null && !x.getCmdline().isBlank()) o.add(x.getCmdline().trim());
		return o;
	}
}
