package dev.tessera.core.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.resolve.ResolutionRules;
import dev.tessera.core.variant.VariantRules;
import dev.tessera.core.rules.backends.BackendIsADriverDomain;
import dev.tessera.core.rules.backends.BackendOwnsTheHardware;
import dev.tessera.core.rules.backends.BackendStartsFirst;
import dev.tessera.core.rules.backends.EnhancedStaticGetsXenstore;
import dev.tessera.core.rules.backends.FrontendsAreUnique;
import dev.tessera.core.rules.backends.PvFrontendsNeedEnhanced;
import dev.tessera.core.rules.backends.VirtioGrantsConsistent;
import dev.tessera.core.rules.cpus.BootCpuStaysInPool0;
import dev.tessera.core.rules.cpus.CoreTypesNotMixed;
import dev.tessera.core.rules.cpus.CpuExists;
import dev.tessera.core.rules.cpus.CpuInOnePool;
import dev.tessera.core.rules.cpus.CpuOncePerDomain;
import dev.tessera.core.rules.cpus.CpupoolHasCpus;
import dev.tessera.core.rules.cpus.CpupoolNotForDom0;
import dev.tessera.core.rules.cpus.Dom0PinIsIdentity;
import dev.tessera.core.rules.cpus.NullSchedulerHasACpuPerVcpu;
import dev.tessera.core.rules.cpus.OtherCoreTypesNeedHmpUnsafe;
import dev.tessera.core.rules.cpus.PinInsidePool;
import dev.tessera.core.rules.cpus.PooledCpusHavePaths;
import dev.tessera.core.rules.cpus.RealTimeCpusExclusive;
import dev.tessera.core.rules.cpus.RealTimeNotOnBootCpu;
import dev.tessera.core.rules.devices.DependenciesFollowTheDevice;
import dev.tessera.core.rules.devices.DeviceDescribedForPassthrough;
import dev.tessera.core.rules.devices.DeviceEnabledForPassthrough;
import dev.tessera.core.rules.devices.DeviceNotReservedForXen;
import dev.tessera.core.rules.devices.DevicePassedOnce;
import dev.tessera.core.rules.devices.DmaDeviceBehindIommu;
import dev.tessera.core.rules.devices.PassedWithWhatItNeeds;
import dev.tessera.core.rules.devices.InterruptNotShared;
import dev.tessera.core.rules.devices.PassthroughToDom0Useless;
import dev.tessera.core.rules.devices.VuartInterruptFree;
import dev.tessera.core.rules.domains.ControlDomainPresent;
import dev.tessera.core.rules.domains.ControlDomainSingle;
import dev.tessera.core.rules.domains.ControlDomainStartsAsDom0;
import dev.tessera.core.rules.domains.DomainHasKernel;
import dev.tessera.core.rules.domains.DomainHasMemory;
import dev.tessera.core.rules.domains.DomainHasVcpus;
import dev.tessera.core.rules.domains.DomainNameUnique;
import dev.tessera.core.rules.domains.DomainNameValid;
import dev.tessera.core.rules.domains.EnhancedNeedsDom0;
import dev.tessera.core.rules.llc.ColorsFitTheCache;
import dev.tessera.core.rules.sched.Arinc653ScheduleFeasible;
import dev.tessera.core.rules.sched.BudgetFitsItsPeriod;
import dev.tessera.core.rules.sched.RealTimePoolsXenRuns;
import dev.tessera.core.rules.domains.NoXenstoreMeansNoPv;
import dev.tessera.core.rules.gpu.GpuGuestHasIommuContext;
import dev.tessera.core.rules.gpu.GpuOsidWindowOnBoard;
import dev.tessera.core.rules.gpu.GpuOsidsUniqueAndInRange;
import dev.tessera.core.rules.gpu.GpuSharedAsItAllows;
import dev.tessera.core.rules.links.EventChannelsAreValid;
import dev.tessera.core.rules.memory.DirectMapNeedsStaticMemory;
import dev.tessera.core.rules.memory.MemoryFitsRam;
import dev.tessera.core.rules.memory.StaticMemoryAligned;
import dev.tessera.core.rules.memory.StaticMemoryInRam;
import dev.tessera.core.rules.memory.StaticMemoryMatchesSize;
import dev.tessera.core.rules.memory.StaticMemoryNotForDom0;
import dev.tessera.core.rules.memory.StaticMemoryOverlapsNothing;
import dev.tessera.core.rules.shm.SharedMemoryIsValid;
import dev.tessera.core.rules.text.DtPathsValid;
import dev.tessera.core.rules.text.LoadCommandIsSafe;
import dev.tessera.core.rules.text.NetNamesValid;
import dev.tessera.core.rules.text.TextIsEmittable;
import dev.tessera.core.rules.text.UBootCanCarry;
import dev.tessera.core.rules.text.XenCfgCanCarry;
import dev.tessera.core.rules.text.FatCanHold;
import dev.tessera.core.rules.text.XlSpecCanCarry;
import dev.tessera.core.rules.xen.XenConsoleIsUart;
import dev.tessera.core.rules.boards.BoardDeclaresLoaderMemory;
import dev.tessera.core.rules.boards.BoardHasCpusAndRam;
import dev.tessera.core.rules.boards.DeviceNamesUnique;
import dev.tessera.core.rules.devices.InterruptsRoutable;
import dev.tessera.core.rules.domains.DomainNameNotGenerated;
import dev.tessera.core.rules.domains.VcpusWithinVgic;
import dev.tessera.core.rules.domains.XenOptionsApply;
import dev.tessera.core.rules.domains.ControlDomainRunsTheTools;
import dev.tessera.core.rules.memory.LoadAddressInRam;
import dev.tessera.core.rules.xen.XenFeatureAvailable;
import dev.tessera.core.rules.xen.XenVersionKnown;
import dev.tessera.core.rules.xen.XenVersionNewer;
import dev.tessera.core.rules.xen.XsmAllowsDriverDomains;
import dev.tessera.core.rules.xen.XsmIsConsistent;
import dev.tessera.model.Board;
import dev.tessera.model.Element;
import dev.tessera.model.System;

/**
 * Every rule Tessera can report, registered here and nowhere else, each with the section of docs/rules.md that
 * explains it: the language's own ({@link LanguageRules}), the model rules, what resolution reports
 * ({@link ResolutionRules}), what the pipeline reports ({@link PipelineRules}), what applying a product-line variant
 * reports ({@link VariantRules}) and {@link #INTERNAL}.
 * {@code tessera rules}, docs/rules.md, the validator, the language server and the tests all read this catalogue.
 */
public final class RuleCatalogue {
	public static final RuleInfo INTERNAL = new RuleInfo("internal", Section.TESSERA, Severity.WARNING, "A rule could not run",
			"Shown instead of a crash when a rule meets a model it was not written for.");

	/** The model rules, in the order they run: the editor shows their findings in this order. */
	private static final List<Rule> RULES = List.of(
			new XenVersionKnown(), new XenVersionNewer(), new XenFeatureAvailable(), new XenConsoleIsUart(),
			new DomainNameUnique(), new DomainNameValid(), new DomainNameNotGenerated(), new ControlDomainSingle(), new ControlDomainStartsAsDom0(),
			new ControlDomainPresent(), new DomainHasKernel(), new DomainHasMemory(), new DomainHasVcpus(), new VcpusWithinVgic(), new XenOptionsApply(), new ControlDomainRunsTheTools(),
			new TextIsEmittable(), new UBootCanCarry(), new XenCfgCanCarry(), new FatCanHold(), new XlSpecCanCarry(), new LoadCommandIsSafe(), new LoadAddressInRam(),
			new MemoryFitsRam(), new StaticMemoryMatchesSize(), new StaticMemoryInRam(), new StaticMemoryAligned(),
			new StaticMemoryOverlapsNothing(), new DirectMapNeedsStaticMemory(), new StaticMemoryNotForDom0(),
			new DevicePassedOnce(), new DeviceNotReservedForXen(), new InterruptsRoutable(), new DeviceDescribedForPassthrough(),
			new DeviceEnabledForPassthrough(), new DmaDeviceBehindIommu(), new PassedWithWhatItNeeds(), new PassthroughToDom0Useless(),
			new CpuExists(), new CpuOncePerDomain(), new CpuInOnePool(), new BootCpuStaysInPool0(),
			new CpupoolNotForDom0(), new SharedMemoryIsValid(), new RealTimeCpusExclusive(), new RealTimeNotOnBootCpu(),
			new OtherCoreTypesNeedHmpUnsafe(), new CoreTypesNotMixed(), new NullSchedulerHasACpuPerVcpu(), new PinInsidePool(),
			new CpupoolHasCpus(), new InterruptNotShared(), new VuartInterruptFree(), new DependenciesFollowTheDevice(),
			new EnhancedNeedsDom0(), new NoXenstoreMeansNoPv(), new BackendIsADriverDomain(), new BackendStartsFirst(), new BackendOwnsTheHardware(),
			new FrontendsAreUnique(), new NetNamesValid(), new VirtioGrantsConsistent(), new PvFrontendsNeedEnhanced(), new EnhancedStaticGetsXenstore(),
			new GpuSharedAsItAllows(), new GpuOsidsUniqueAndInRange(), new GpuOsidWindowOnBoard(), new GpuGuestHasIommuContext(), new Dom0PinIsIdentity(),
			new PooledCpusHavePaths(), new EventChannelsAreValid(), new XsmAllowsDriverDomains(), new XsmIsConsistent(), new BudgetFitsItsPeriod(),
			new Arinc653ScheduleFeasible(), new RealTimePoolsXenRuns(), new ColorsFitTheCache(), new DtPathsValid(), new BoardHasCpusAndRam(),
			new DeviceNamesUnique(), new BoardDeclaresLoaderMemory());

	/** Every id, in catalogue order: the language's, the model rules', resolution's, the pipeline's, Tessera's own. */
	private static final List<RuleInfo> ALL = Stream.of(LanguageRules.ALL, RULES.stream().flatMap(r -> r.infos().stream()).toList(),
			ResolutionRules.ALL, PipelineRules.ALL, VariantRules.ALL, List.of(INTERNAL)).flatMap(List::stream).toList();

	private RuleCatalogue() {
	}

	/** The model rules, in the order they run. */
	public static List<Rule> rules() {
		return RULES;
	}

	/** Every rule id Tessera can report. */
	public static List<RuleInfo> all() {
		return ALL;
	}

	/** Every rule id by its section, sections in the order docs/rules.md shows them (catalogue order within one). */
	public static Map<Section, List<RuleInfo>> bySection() {
		Map<Section, List<RuleInfo>> sections = new EnumMap<>(Section.class);
		for (RuleInfo r : ALL) sections.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r);
		return new LinkedHashMap<>(sections);
	}

	public static Optional<RuleInfo> find(String id) {
		return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/** Runs every model rule on a system or a board; a rule that fails is reported under {@link #INTERNAL}. */
	public static Findings check(Element element) {
		Findings out = new Findings();
		for (Rule rule : RULES) {
			try {
				if (element instanceof System s) rule.check(s, out);
				else if (element instanceof Board b) rule.check(b, out);
			} catch (RuntimeException e) {
				// A rule that trips over a half-written model must not take the others down with it.
				out.report(INTERNAL, element, null, "rule " + rule.info().id() + " could not run on this model: "
						+ "please report this as a Tessera bug, with the file");
			}
		}
		return out;
	}
}
