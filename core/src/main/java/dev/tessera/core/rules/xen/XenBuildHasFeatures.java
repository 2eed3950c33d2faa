package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.CPUPOOL__SCHEDULER;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__STATIC_ALLOCATION;
import static dev.tessera.model.TesseraPackage.Literals.NAMED__NAME;
import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__SCHEDULER;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.rules.PipelineRules;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenBuild;
import dev.tessera.core.xen.XenBuildOption;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.EventChannel;
import dev.tessera.model.Scheduler;
import dev.tessera.model.SharedMemory;
import dev.tessera.model.System;

/**
 * What the system asks of Xen, against a Xen build's configuration: a build without an option the system needs would
 * stop at boot, often before Xen's console is up (static memory, static shared memory), or quietly ignore it
 * (boot-time cpupools). Run when the build is known: `tessera boot` knows the Xen it boots, `generate --xen-config`
 * is told.
 */
public final class XenBuildHasFeatures {
	private XenBuildHasFeatures() {
	}

	public static void check(System s, XenBuild build, Findings out) {
		XenVersion v = Systems.xenVersion(s);
		for (Domain d : s.getDomains())
			if (d.isStaticAllocation()) need(XenBuildOption.STATIC_MEMORY, d, DOMAIN__STATIC_ALLOCATION, "domain '" + d.getName() + "'", build, v, out);
		for (SharedMemory shm : s.getSharedMemory()) need(XenBuildOption.STATIC_SHM, shm, NAMED__NAME, "shared memory '" + shm.getName() + "'", build, v, out);
		for (Cpupool p : s.getCpupools()) {
			need(XenBuildOption.BOOT_TIME_CPUPOOLS, p, NAMED__NAME, "cpupool '" + p.getName() + "'", build, v, out);
			if (p.isSetScheduler()) need(scheduler(p.getScheduler()), p, CPUPOOL__SCHEDULER, "cpupool '" + p.getName() + "'", build, v, out);
		}
		if (s.getXen() != null && s.getXen().isSetScheduler())
			need(scheduler(s.getXen().getScheduler()), s.getXen(), XEN_SETTINGS__SCHEDULER, "Xen's scheduler", build, v, out);
		boolean coloured = s.getXen() != null && !s.getXen().getLlcColors().isEmpty() || s.getDomains().stream().anyMatch(d -> !d.getLlcColors().isEmpty());
		if (coloured) need(XenBuildOption.LLC_COLORING, s.getXen(), null, "cache colouring", build, v, out);
		for (Domain d : s.getDomains())
			if (d.isSetTee()) need(d.getTee() == dev.tessera.model.TeeKind.FFA ? XenBuildOption.FFA : XenBuildOption.OPTEE, d,
					dev.tessera.model.TesseraPackage.Literals.DOMAIN__TEE, "domain '" + d.getName() + "'", build, v, out);
		for (EventChannel e : s.getEventChannels())
			need(XenBuildOption.STATIC_EVTCHN, e, NAMED__NAME, "event channel '" + e.getName() + "'", build, v, out);
		if (Systems.xsm(s) != null && Systems.xsm(s) != dev.tessera.model.Xsm.DUMMY)
			need(Systems.flask(s) ? XenBuildOption.XSM_FLASK : XenBuildOption.XSM_SILO, s.getXen(),
					dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__XSM, "Xen's security module", build, v, out);
		if (!Systems.bootDomains(s).isEmpty())
			need(XenBuildOption.DOM0LESS_BOOT, Systems.bootDomains(s).get(0), NAMED__NAME, "domain '" + Systems.bootDomains(s).get(0).getName() + "'",
					build, v, out);
	}

	static XenBuildOption scheduler(Scheduler s) {
		return switch (s) {
			case CREDIT -> XenBuildOption.SCHED_CREDIT;
			case CREDIT2 -> XenBuildOption.SCHED_CREDIT2;
			case NULL -> XenBuildOption.SCHED_NULL;
			case RTDS -> XenBuildOption.SCHED_RTDS;
			case ARINC653 -> XenBuildOption.SCHED_ARINC653;
		};
	}

	private static void need(XenBuildOption option, EObject at, EStructuralFeature feature, String who, XenBuild build, XenVersion v, Findings out) {
		if (option.missingIn(build, v))
			out.report(PipelineRules.XEN_BUILD, at, feature, who + " needs " + option.what() + ", which the Xen build of " + build.source()
					+ " lacks (" + option.kconfig() + " is not set): boot a Xen built with " + option.kconfig() + "=y");
	}
}
