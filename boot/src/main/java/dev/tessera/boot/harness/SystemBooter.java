package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.qemu.BootResult;
import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.boot.qemu.QemuRunner;
import dev.tessera.core.diag.Diagnostic;
import dev.tessera.generators.tools.ToolFailedException;
import dev.tessera.pipeline.Pipeline;

/**
 * Generates a system and boots it on QEMU's virt board under real Xen: through the generated U-Boot script
 * (files over QEMU's TFTP server, or already in memory), through the generated host DTB with QEMU loading the
 * modules, or as an EFI application with the generated xen.cfg. Passes only when every domain reported in.
 *
 * <p>One pipeline run: the Xen that boots is chosen first ({@link BootXen}: its Kconfig goes into the request, and the
 * system is generated for its release); a marker boot plans itself from the loaded system ({@link MarkerPlan}), writes
 * the files the boot loads, and generates with what each domain boots instead (boot overrides, applied before
 * validation); then dom0's and the boot driver domains' initramfs take generated files in, and the checks compare what
 * the domains report with the plan.
 */
public final class SystemBooter {
	/**
	 * What to boot and how. {@code marker}: boot the harness's own Linux and initramfs instead of the system's files.
	 * {@code xen}: which Xen. {@code afterGenerate} sees the generated output before anything takes it in (the negative
	 * controls damage it). {@code extras}: what a marker boot adds (files and arguments).
	 */
	public record Request(Path systemFile, String systemName, Path filesDir, Route route, boolean marker, XenRequest xen,
			Duration timeout, Path workDir, Consumer<Path> afterGenerate, MarkerExtras extras) {
		public Request {
			xen = xen != null ? xen : XenRequest.SYSTEM;
			afterGenerate = afterGenerate != null ? afterGenerate : out -> { };
			extras = extras != null ? extras : MarkerExtras.NONE;
		}

		public Request(Path systemFile, String systemName, Path filesDir, Route route, boolean marker, XenRequest xen,
				Duration timeout, Path workDir) {
			this(systemFile, systemName, filesDir, route, marker, xen, timeout, workDir, null, null);
		}
	}

	/**
	 * The outcome: generation's diagnostics (a refusal among them: nothing booted), or the boot's result with the plan it
	 * booted; the Xen that booted, with the notes of its choice.
	 */
	public record Report(List<Diagnostic> diagnostics, PlanView plan, BootResult boot, Path workDir, List<String> problems, BootXen xen) {
		Report(List<Diagnostic> diagnostics, Path workDir, BootXen xen) {
			this(diagnostics, null, null, workDir, List.of(), xen);
		}

		public boolean passed() {
			return boot != null && boot.outcome() == BootResult.Outcome.ALL_SEEN && problems.isEmpty();
		}

		/** What the user should know about the Xen that booted (a system generated for another release than it targets). */
		public List<String> notes() {
			return xen != null ? xen.notes() : List.of();
		}
	}

	public Report boot(Request r, Consumer<String> console) throws IOException {
		Path work = r.workDir();
		Path out = work.resolve("out");
		Path files = r.marker() ? work.resolve("files") : (r.filesDir() != null ? r.filesDir() : r.systemFile().toAbsolutePath().getParent());
		// the harness's assets: its Linux, busybox and Xen builds, and where U-Boot for QEMU is
		BootAssets assets = BootAssets.require();

		Pipeline pipeline = new Pipeline();
		Pipeline.LoadedSystem loaded = pipeline.load(r.systemFile(), r.systemName());
		if (!loaded.ok()) return new Report(loaded.diagnostics(), work, null);
		// the Xen that boots, from the request and the loaded system, before anything is generated (its size is measured)
		Path ownXen = !r.marker() ? FileLinks.inside(files, MarkerPlan.xenFile(loaded.system())) : null;
		BootXen xen = BootXen.choose(r.xen(), loaded.system(), r.marker(), ownXen, assets);
		Platform platform = xen.platform();
		Pipeline.Request request = new Pipeline.Request(r.systemFile(), r.systemName(), files, out);
		if (xen.build() != null) request = request.withXenBuild(xen.build());
		// the source tree of the Xen that boots, for a FLASK policy (the harness keeps 4.17's)
		if (xen.source() != null) request = request.withXenSource(xen.source());
		MarkerPlan marker = null;
		Path tesseraSched = null;
		if (r.marker()) {
			// what each domain boots instead, from the loaded system; written before generation measures it
			marker = MarkerPlan.of(loaded.system(), r.extras(), platform.paddedSizes());
			BootFiles.write(marker, files, xen.image(), platform);
			BootAssets rt = rt(marker, r.extras(), loaded.system());
			if (rt != null) tesseraSched = rt.path(BootAssets.TESSERA_SCHED);
			if (marker.burns()) BootFiles.writeBurner(files, rt.path(BootAssets.TESSERA_BURNER));
			request = request.withOverrides(marker.overrides());
		}
		Pipeline.Outcome outcome = pipeline.generate(loaded, request);
		if (outcome.stop() != null) throw new ToolFailedException(outcome.stop().message());
		if (outcome.failed()) return new Report(outcome.diagnostics(), work, xen);
		PlanView plan = PlanView.of(outcome.plan());
		// before dom0's and the driver domains' initramfs take generated files in
		r.afterGenerate().accept(out);
		if (marker != null && marker.dom0Xl()) GeneratedInitramfs.dom0(marker, out, files, platform, r.extras().files(), tesseraSched);
		if (marker != null && marker.uses(Ramdisk.DRIVER)) GeneratedInitramfs.driver(marker, out, files, platform);
		// the user's own Xen, from the files folder under the name the system gives it
		Path image = xen.image() != null ? xen.image() : FileLinks.inside(files, plan.xenFile());

		List<ExpectedMarker> expected = new ArrayList<>(marker != null ? ExpectedMarkers.of(marker, plan) : ExpectedMarkers.signsOfLife(plan));
		expected.addAll(r.extras().expected());
		QemuBoot boot = failingOn(r.route().builder(plan, new BootFolders(out, files, image, work), platform), plan.dom0() != null,
				r.route() == Route.UBOOT).expect(expected.toArray(ExpectedMarker[]::new)).timeout(r.timeout()).build();
		BootResult result = new QemuRunner().run(boot, work.resolve("qemu"), console);
		List<String> problems = marker != null && result.outcome() == BootResult.Outcome.ALL_SEEN
				? MemoryCheck.problems(plan, result, r.extras().burners()) : List.of();
		return new Report(outcome.diagnostics(), plan, result, work, problems, xen);
	}

	/**
	 * The real-time items (tessera-sched, the burner) when the boot needs them — an ARINC 653 pool, burners, dom0
	 * measuring shares —, prepared if the cache lacks them and preparing is allowed; else null.
	 */
	private static BootAssets rt(MarkerPlan marker, MarkerExtras extras, dev.tessera.model.System s) {
		return marker.arinc653() || marker.burns() || extras.measuresShares() || relabels(s) ? BootAssets.require(BootAssets.Group.RT) : null;
	}

	/** Under FLASK, dom0's start script relabels the domains Xen started at boot with tessera-sched. */
	private static boolean relabels(dev.tessera.model.System s) {
		return dev.tessera.core.xen.Systems.flask(s) && !dev.tessera.core.xen.Systems.bootDomains(s).isEmpty();
	}

	/**
	 * What ends every boot at once as failed: a crash, Xen's errors, dom0 lost (when the system has one), U-Boot's errors
	 * (on its route) ({@link FailureLines}), or a failure marker of the registry ({@link MarkerKind#failures()}).
	 */
	static QemuBoot.Builder failingOn(QemuBoot.Builder b, boolean dom0, boolean uboot) {
		return b.failOn(FailureLines.of(dom0, uboot)).failOnMarkers(MarkerKind.failures());
	}
}
