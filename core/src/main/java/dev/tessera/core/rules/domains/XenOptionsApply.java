package dev.tessera.core.rules.domains;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__MAX_GRANT_FRAMES;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__MAX_MAPTRACK_FRAMES;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__NR_SPIS;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ON_CRASH;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ON_REBOOT;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__P2M_POOL;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__SECLABEL;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__TEE;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EAttribute;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Interrupt;
import dev.tessera.model.IrqType;
import dev.tessera.model.Passthrough;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * A domain's own Xen options, where and as Xen takes them. dom0 takes none of them (Xen's command line sizes it). A
 * domain Xen starts at boot has nr_spis, max_grant_frames, max_maptrack_frames and xen,domain-p2m-mem-mb in its node
 * (docs/misc/arm/device-tree/booting.txt) but no on_crash, on_reboot, tee or seclabel: those are xl.cfg's. Xen's limits
 * (grant_table_init in xen/common/grant_table.c; domain_vgic_init in xen/arch/arm/vgic.c; the defaults 64 and 1024 are
 * opt_max_grant_frames and opt_max_maptrack_frames, changed by gnttab_max_frames= and gnttab_max_maptrack_frames=).
 */
public final class XenOptionsApply extends Rule {
	static final RuleInfo INFO = new RuleInfo("domain.xen-options", Section.DOMAINS, Severity.ERROR,
			"A domain's Xen options are ones Xen takes for it, within Xen's limits",
			"dom0 takes none of grant-frames, maptrack-frames, spis, p2m-pool, on-crash, on-reboot, tee or seclabel (Xen's "
					+ "command line sizes dom0); a domain Xen starts at boot takes the first four only, the rest being what xl "
					+ "applies. Xen refuses to create a domain with grant-frames outside 1 to gnttab_max_frames (64 unless Xen's "
					+ "command line says otherwise), maptrack-frames over gnttab_max_maptrack_frames (1024), spis over 960 "
					+ "(rounded up to 32, at most 988), or fewer spis than its passed-through interrupts and its virtual UART "
					+ "(SPI 0) need; the p2m pool is set in whole MiB.");

	/** domain_vgic_init rounds nr_spis up to 32 and refuses more than 1020 - 32 = 988: 960 is the largest accepted. */
	static final int MAX_SPIS = 960;
	static final int DEFAULT_MAX_GRANT_FRAMES = 64;
	static final int DEFAULT_MAX_MAPTRACK_FRAMES = 1024;

	public XenOptionsApply() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		String xenCmdline = s.getXen() != null ? s.getXen().getCmdline() : null;
		int maxGrant = xenOption(xenCmdline, "gnttab_max_frames", DEFAULT_MAX_GRANT_FRAMES);
		int maxMaptrack = xenOption(xenCmdline, "gnttab_max_maptrack_frames", DEFAULT_MAX_MAPTRACK_FRAMES);
		for (Domain d : s.getDomains()) {
			Start start = Systems.startOf(d);
			if (start == Start.DOM0) {
				for (EAttribute a : List.of(DOMAIN__MAX_GRANT_FRAMES, DOMAIN__MAX_MAPTRACK_FRAMES, DOMAIN__NR_SPIS, DOMAIN__P2M_POOL,
						DOMAIN__ON_CRASH, DOMAIN__ON_REBOOT, DOMAIN__TEE, DOMAIN__SECLABEL))
					if (d.eIsSet(a))
						out.report(INFO, d, a, "domain '" + d.getName() + "' is dom0, which takes no '" + keyword(a)
								+ "': Xen sizes dom0 from its own command line (gnttab_max_frames=, dom0_mem=...)");
				continue;
			}
			if (start == Start.BOOT)
				for (EAttribute a : List.of(DOMAIN__ON_CRASH, DOMAIN__ON_REBOOT, DOMAIN__TEE, DOMAIN__SECLABEL))
					if (d.eIsSet(a))
						out.report(INFO, d, a, "domain '" + d.getName() + "' is started by Xen at boot, which reads no '" + keyword(a)
								+ "' for it (only xl.cfg has it): start it with xl, or remove '" + keyword(a) + "'");
			if (d.isSetMaxGrantFrames() && (d.getMaxGrantFrames() < 1 || d.getMaxGrantFrames() > maxGrant))
				out.report(INFO, d, DOMAIN__MAX_GRANT_FRAMES, "domain '" + d.getName() + "' asks for " + d.getMaxGrantFrames()
						+ " grant-table frames; Xen takes 1 to " + maxGrant + " (gnttab_max_frames on Xen's command line raises it)");
			if (d.isSetMaxMaptrackFrames() && d.getMaxMaptrackFrames() > maxMaptrack)
				out.report(INFO, d, DOMAIN__MAX_MAPTRACK_FRAMES, "domain '" + d.getName() + "' asks for " + d.getMaxMaptrackFrames()
						+ " maptrack frames; Xen takes at most " + maxMaptrack + " (gnttab_max_maptrack_frames on Xen's command line raises it)");
			if (d.isSetP2mPool() && (d.getP2mPool() < (1L << 20) || d.getP2mPool() % (1L << 20) != 0))
				out.report(INFO, d, DOMAIN__P2M_POOL, "domain '" + d.getName() + "' has a p2m pool of " + d.getP2mPool()
						+ " bytes; Xen takes it in whole MiB (xen,domain-p2m-mem-mb, shadow_memory): write it as 1M or more, in MiB");
			if (d.isSetNrSpis()) spis(d, out);
		}
	}

	private static void spis(Domain d, Findings out) {
		int spis = d.getNrSpis();
		if (spis > MAX_SPIS) {
			out.report(INFO, d, DOMAIN__NR_SPIS, "domain '" + d.getName() + "' asks for " + spis + " SPIs; Xen's virtual GIC has at most "
					+ MAX_SPIS);
			return;
		}
		// the SPIs it needs: its passed-through devices' (routed 1:1) and its virtual UART's (GUEST_VPL011_SPI, SPI 0)
		int needed = d.isVuart() && !d.isDirectMap() ? 1 : 0;
		String why = needed > 0 ? "its virtual UART (SPI 0)" : null;
		for (Passthrough p : d.getPassthrough()) {
			if (p.getDevice() == null || p.getDevice().eIsProxy()) continue;
			for (Interrupt i : p.getDevice().getIrqs())
				if (i.getType() == IrqType.SPI && i.getNumber() + 1 > needed) {
					needed = i.getNumber() + 1;
					why = "device '" + p.getDevice().getName() + "' (SPI " + i.getNumber() + ")";
				}
		}
		if (spis < needed)
			out.report(INFO, d, DOMAIN__NR_SPIS, "domain '" + d.getName() + "' has " + spis + " SPIs, but " + why + " needs " + needed
					+ ": Xen would not deliver that interrupt (write spis " + needed + " or more)");
	}

	/** A number Xen's command line sets (name=N), or the default. */
	static int xenOption(String cmdline, String name, int otherwise) {
		if (cmdline == null) return otherwise;
		Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=(\\d{1,9})(?=\\s|$)").matcher(cmdline);
		int value = otherwise;
		while (m.find()) value = Integer.parseInt(m.group(1)); // Xen takes the last
		return value;
	}

	private static String keyword(EAttribute a) {
		return switch (a.getName()) {
			case "maxGrantFrames" -> "grant-frames";
			case "maxMaptrackFrames" -> "maptrack-frames";
			case "nrSpis" -> "spis";
			case "p2mPool" -> "p2m-pool";
			case "onCrash" -> "on-crash";
			case "onReboot" -> "on-reboot";
			default -> a.getName();
		};
	}
}
