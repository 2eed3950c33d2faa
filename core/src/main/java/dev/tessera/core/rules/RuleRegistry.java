package dev.tessera.core.rules;

import java.util.List;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.resolve.ResolutionRules;
import dev.tessera.core.rules.backends.*;
import dev.tessera.core.rules.cpus.*;
import dev.tessera.core.rules.gpu.*;
import dev.tessera.core.rules.links.*;
import dev.tessera.core.rules.devices.*;
import dev.tessera.core.rules.domains.*;
import dev.tessera.core.rules.memory.*;
import dev.tessera.core.rules.shm.*;
import dev.tessera.core.rules.text.*;
import dev.tessera.core.rules.xen.*;
import dev.tessera.model.Board;
import dev.tessera.model.Element;
import dev.tessera.model.System;

/** The one catalogue of rules, in the order their findings are reported. */
public final class RuleRegistry {
	private static final List<Rule> RULES = List.of(
			new XenVersionKnown(), new XenVersionNewer(), new XenFeatureAvailable(), new XenConsoleIsUart(),
			new DomainNameUnique(), new DomainNameValid(), new ControlDomainSingle(), new ControlDomainStartsAsDom0(),
			new ControlDomainPresent(), new DomainHasKernel(), new DomainHasMemory(), new DomainHasVcpus(),
			new TextIsEmittable(), new LoadCommandIsSafe(),
			new MemoryFitsRam(), new StaticMemoryMatchesSize(), new StaticMemoryInRam(), new StaticMemoryAligned(),
			new StaticMemoryOverlapsNothing(), new DirectMapNeedsStaticMemory(), new StaticMemoryNotForDom0(),
			new DevicePassedOnce(), new DeviceNotReservedForXen(), new DeviceDescribedForPassthrough(),
			new DeviceEnabledForPassthrough(), new DmaDeviceBehindIommu(), new PassthroughToDom0Useless(),
			new CpuExists(), new CpuOncePerDomain(), new CpuInOnePool(), new BootCpuStaysInPool0(),
			new CpupoolNotForDom0(), new SharedMemoryIsValid(), new RealTimeCpusExclusive(), new RealTimeNotOnBootCpu(),
			new CoreTypesNotMixed(), new NullSchedulerHasACpuPerVcpu(), new PinInsidePool(), new CpupoolHasCpus(),
			new InterruptNotShared(), new VuartInterruptFree(), new DependenciesFollowTheDevice(), new EnhancedNeedsDom0(),
			new BackendIsADriverDomain(), new BackendStartsFirst(), new BackendOwnsTheHardware(), new FrontendsAreUnique(),
			new VirtioGrantsConsistent(), new PvFrontendsNeedEnhanced(), new EnhancedStaticGetsXenstore(), new GpuSharedAsItAllows(), new GpuOsidsUniqueAndInRange(), new GpuOsidWindowOnBoard(),
			new Dom0PinIsIdentity(), new PooledCpusHavePaths(), new EventChannelsAreValid(), new XsmAllowsDriverDomains());

	private RuleRegistry() {
	}

	public static List<Rule> rules() {
		return RULES;
	}

	/** Every rule id Tessera can report, model rules first, then what resolution reports. */
	public static List<RuleInfo> catalogue() {
		java.util.ArrayList<RuleInfo> all = new java.util.ArrayList<>();
		RULES.forEach(r -> all.addAll(r.infos()));
		all.addAll(ResolutionRules.ALL);
		return all;
	}

	public static Findings check(Element element) {
		Findings out = new Findings();
		for (Rule rule : RULES) {
			try {
				if (element instanceof System s) rule.check(s, out);
				else if (element instanceof Board b) rule.check(b, out);
			} catch (RuntimeException e) {
				// A rule that trips over a half-written model must not take the others down with it.
				out.report(INTERNAL, element, null, "rule " + rule.info().id() + " could not run on this model ("
						+ e.getClass().getSimpleName() + "): please report this as a Tessera bug");
			}
		}
		return out;
	}

	public static final RuleInfo INTERNAL = new RuleInfo("internal", Severity.WARNING, "A rule could not run",
			"Shown instead of a crash when a rule meets a model it was not written for.");
}
