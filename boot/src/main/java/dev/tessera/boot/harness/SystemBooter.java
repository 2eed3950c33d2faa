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
 * <p>One pipeline run: a marker boot plans itself from the loaded system ({@link MarkerPlan}), writes the files the
 * boot loads, and generates with what each domain boots instead (boot overrides, applied before validation); then
 * dom0's initramfs takes the generated xl files in, and the checks compare what the domains report with the plan.
 */
public final class SystemBooter {
	/** Xen's and Linux's words for a crash: the boot fails at once. */
	static final List<String> CRASHES = List.of("Panic on CPU", "Kernel panic", "Unable to handle kernel", "Reboot in five seconds");

	/**
	 * What to boot and how. {@code marker}: boot the harness's own Linux and initramfs instead of the system's files.
	 * {@code afterGenerate} sees the generated output before anything takes it in (the negative controls damage it).
	 */
	public record Request(Path systemFile, String systemName, Path filesDir, Route route, boolean marker, Path xen,
			Duration timeout, Path workDir, Consumer<Path> afterGenerate, Dom0Extras extras) {
		public Request(Path systemFile, String systemName, Path filesDir, Route route, boolean marker, Path xen,
				Duration timeout, Path workDir) {
			this(systemFile, systemName, filesDir, route, marker, xen, timeout, workDir, out -> { }, Dom0Extras.NONE);
		}

		public Request(Path systemFile, String systemName, Path filesDir, Route route, boolean marker, Path xen,
				Duration timeout, Path workDir, Consumer<Path> afterGenerate) {
			this(systemFile, systemName, filesDir, route, marker, xen, timeout, workDir, afterGenerate, Dom0Extras.NONE);
		}
	}

	/** The outcome: generation's diagnostics, or the boot's result with the plan it booted. */
	public record Report(List<Diagnostic> diagnostics, PlanView plan, BootResult boot, Path workDir, List<String> problems) {
		Report(List<Diagnostic> diagnostics, Path workDir) {
			this(diagnostics, null, null, workDir, List.of());
		}

		public boolean passed() {
			return boot != null && boot.outcome() == BootResult.Outcome.ALL_SEEN && problems.isEmpty();
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
		if (!loaded.ok()) return new Report(loaded.diagnostics(), work);
		Pipeline.Request request = new Pipeline.Request(r.systemFile(), r.systemName(), files, out);
		Path xen = r.xen();
		MarkerPlan marker = null;
		if (r.marker()) {
			// what each domain boots instead, and Xen's build, from the loaded system; written before generation measures it
			marker = MarkerPlan.of(loaded.system(), r.extras());
			if (xen == null) xen = XenChoice.forSystem(loaded.system(), assets);
			BootFiles.write(marker, files, xen, assets);
			request = request.withOverrides(marker.overrides());
		}
		Pipeline.Outcome outcome = pipeline.generate(loaded, request);
		if (outcome.stop() != null) throw new ToolFailedException(outcome.stop().message());
		if (outcome.failed()) return new Report(outcome.diagnostics(), work);
		PlanView plan = PlanView.of(outcome.plan());
		// before dom0's initramfs takes the generated xl files in
		r.afterGenerate().accept(out);
		if (marker != null && marker.dom0Xl()) Dom0Initramfs.write(marker, out, files, assets, r.extras().files());
		// the user's own Xen, from the files folder under the name the system gives it
		if (xen == null) xen = FileLinks.inside(files, plan.xenFile());

		List<ExpectedMarker> expected = new ArrayList<>(marker != null ? ExpectedMarkers.of(marker, plan) : ExpectedMarkers.signsOfLife(plan));
		expected.addAll(r.extras().expected());
		QemuBoot boot = failingOn(r.route().builder(plan, new BootFolders(out, files, xen, work), assets))
				.expect(expected.toArray(ExpectedMarker[]::new)).timeout(r.timeout()).build();
		BootResult result = new QemuRunner().run(boot, work.resolve("qemu"), console);
		List<String> problems = marker != null && result.outcome() == BootResult.Outcome.ALL_SEEN ? MemoryCheck.problems(plan, result) : List.of();
		return new Report(outcome.diagnostics(), plan, result, work, problems);
	}

	/** What ends every boot at once as failed: a crash, or a failure marker of the registry ({@link MarkerKind#failures()}). */
	static QemuBoot.Builder failingOn(QemuBoot.Builder b) {
		return b.failOn(CRASHES.toArray(String[]::new)).failOnMarkers(MarkerKind.failures());
	}
}
