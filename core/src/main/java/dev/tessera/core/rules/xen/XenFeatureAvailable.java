package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CPUPOOL;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__DIRECT_MAP;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__ENHANCED;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__PIN;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__STATIC_ALLOCATION;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenFeature;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.EventChannel;
import dev.tessera.model.Named;
import dev.tessera.model.SharedMemory;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** Every feature a system uses must exist in its target Xen release. */
public final class XenFeatureAvailable extends Rule {
	static final RuleInfo INFO = new RuleInfo("xen.feature", Section.XEN, Severity.ERROR,
			"Feature exists in the target Xen release",
			"Xen ignores or rejects device-tree properties it does not know, often silently at boot: static memory "
					+ "needs 4.16; direct map, boot-time cpupools, xen,enhanced, static shared memory and static event channels 4.17; grant limits of a domain Xen starts at boot and "
					+ "FF-A 4.18; nr_spis through xl 4.19; cache colouring 4.20; per-vCPU affinity 4.21.");

	public XenFeatureAvailable() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		XenVersion v = Systems.xenVersion(s);
		for (Domain d : s.getDomains()) {
			boolean boot = Systems.startOf(d) == Start.BOOT;
			if (d.isStaticAllocation()) need(out, v, XenFeature.STATIC_MEMORY, d, DOMAIN__STATIC_ALLOCATION);
			if (d.isDirectMap()) need(out, v, XenFeature.DIRECT_MAP, d, DOMAIN__DIRECT_MAP);
			if (d.isEnhanced()) need(out, v, XenFeature.ENHANCED, d, DOMAIN__ENHANCED);
			if (boot && d.getCpupool() != null) need(out, v, XenFeature.BOOT_TIME_CPUPOOLS, d, DOMAIN__CPUPOOL);
			if (boot && d.isSetMaxGrantFrames()) need(out, v, XenFeature.GRANT_LIMITS, d, dev.tessera.model.TesseraPackage.Literals.DOMAIN__MAX_GRANT_FRAMES);
			if (boot && d.isSetMaxMaptrackFrames()) need(out, v, XenFeature.GRANT_LIMITS, d, dev.tessera.model.TesseraPackage.Literals.DOMAIN__MAX_MAPTRACK_FRAMES);
			if (Systems.startOf(d) == Start.XL && d.isSetNrSpis()) need(out, v, XenFeature.XL_NR_SPIS, d, dev.tessera.model.TesseraPackage.Literals.DOMAIN__NR_SPIS);
			if (d.isSetTee() && d.getTee() == dev.tessera.model.TeeKind.FFA) need(out, v, XenFeature.FFA, d, dev.tessera.model.TesseraPackage.Literals.DOMAIN__TEE);
			if (!d.getLlcColors().isEmpty()) need(out, v, XenFeature.CACHE_COLORING, d, dev.tessera.model.TesseraPackage.Literals.DOMAIN__LLC_COLORS);
			if (boot && !d.getPin().isEmpty())
				if (!XenFeature.VCPU_AFFINITY.availableIn(v))
					out.report(INFO, d, DOMAIN__PIN, "domain '" + d.getName() + "' pins its vCPUs, but Xen " + v
							+ " cannot pin a domain it starts at boot (" + XenFeature.VCPU_AFFINITY.title()
							+ " arrive in " + XenFeature.VCPU_AFFINITY.since()
							+ "): give it a cpupool of its own instead, or target Xen "
							+ XenFeature.VCPU_AFFINITY.since());
		}
		for (Cpupool p : s.getCpupools())
			need(out, v, XenFeature.BOOT_TIME_CPUPOOLS, p, NAMED__NAME);
		if (s.getXen() != null && !s.getXen().getLlcColors().isEmpty())
			need(out, v, XenFeature.CACHE_COLORING, s.getXen(), dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__LLC_COLORS);
		for (SharedMemory shm : s.getSharedMemory())
			need(out, v, XenFeature.STATIC_SHARED_MEMORY, shm, NAMED__NAME);
		for (EventChannel e : s.getEventChannels())
			need(out, v, XenFeature.STATIC_EVENT_CHANNELS, e, NAMED__NAME);
	}

	private static void need(Findings out, XenVersion v, XenFeature f, EObject at, EStructuralFeature feature) {
		if (f.availableIn(v)) return;
		String who = at instanceof Named n ? " ('" + n.getName() + "')" : "";
		out.report(INFO, at, feature, f.title() + who + " needs Xen " + f.since() + " or later, but the system targets Xen "
				+ v + ": raise the target version or drop the feature");
	}
}
