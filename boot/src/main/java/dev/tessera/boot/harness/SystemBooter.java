package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.qemu.BootResult;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.boot.qemu.QemuRunner;
import dev.tessera.boot.qemu.UBootEnvironment;
import dev.tessera.generators.tools.ToolFailedException;
import dev.tessera.pipeline.BootOverrides;
import dev.tessera.pipeline.Pipeline;
import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.diag.Diagnostic;

/**
 * Generates a system and boots it on QEMU's virt board under real Xen: through the generated U-Boot script
 * (files over QEMU's TFTP server, or already in memory), through the generated host DTB with QEMU loading the
 * modules, or as an EFI application with the generated xen.cfg. Passes only when every domain reported in.
 */
public final class SystemBooter {
	public enum Route { UBOOT, DIRECT, UEFI }

	/** What to boot and how. {@code marker}: boot the harness's own Linux and initramfs instead of the system's files. */
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

	/**
	 * What a marker boot adds to dom0 beyond the system: files in its initramfs, boot arguments for its /init, and
	 * the markers that must then appear (e.g. xl configs of other systems to dry-run with xl -N create).
	 */
	public record Dom0Extras(java.util.Map<String, byte[]> files, List<String> args, List<ExpectedMarker> expected) {
		public static final Dom0Extras NONE = new Dom0Extras(java.util.Map.of(), List.of(), List.of());

		public boolean any() {
			return !files.isEmpty() || !args.isEmpty();
		}
	}

	/** The outcome: generation's diagnostics, or the boot's result with the plan it booted. */
	public record Report(List<Diagnostic> diagnostics, Plan plan, BootResult boot, Path workDir, List<String> problems) {
		Report(List<Diagnostic> diagnostics, Plan plan, BootResult boot, Path workDir) {
			this(diagnostics, plan, boot, workDir, List.of());
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

		// One pipeline run. A marker boot plans its own files from the loaded system (what each domain boots
		// instead, Xen's build) and writes them first, so that generation measures them.
		Path xen = r.xen();
		Pipeline pipeline = new Pipeline();
		Pipeline.LoadedSystem loaded = pipeline.load(r.systemFile(), r.systemName());
		if (!loaded.ok()) return new Report(loaded.diagnostics(), null, null, work);
		Pipeline.Request request = new Pipeline.Request(r.systemFile(), r.systemName(), files, out);
		boolean needsXl = false;
		if (r.marker()) {
			needsXl = MarkerHarness.dom0NeedsXl(loaded.system()) || r.extras().any();
			BootOverrides overrides = MarkerHarness.overrides(loaded.system(), r.extras());
			if (xen == null) xen = XenChoice.forSystem(loaded.system(), assets);
			MarkerHarness.writeBootFiles(loaded.system(), overrides, files, xen, assets);
			request = request.withOverrides(overrides);
		}
		Pipeline.Outcome outcome = pipeline.generate(loaded, request);
		if (outcome.stop() != null) throw new ToolFailedException(outcome.stop().message());
		if (outcome.failed()) return new Report(outcome.diagnostics(), null, null, work);
		// before dom0's initramfs takes the generated xl configs in
		r.afterGenerate().accept(out);
		if (r.marker() && needsXl) MarkerHarness.writeDom0Ramdisk(outcome.plan(), out, files, assets, r.extras().files());
		// the user's own Xen, from the files folder under the name the system gives it
		if (xen == null) xen = MarkerHarness.inside(files, outcome.plan().xen().file());
		Plan plan = outcome.plan();
		List<ExpectedMarker> expected = new ArrayList<>(r.marker() ? MarkerHarness.expected(plan) : upOnly(plan));
		expected.addAll(r.extras().expected());

		QemuBoot.Builder b = switch (r.route()) {
			case DIRECT -> direct(plan, out, files, xen);
			case UBOOT -> uboot(plan, out, files, xen, work, assets);
			case UEFI -> UefiRoute.builder(plan, out, files, xen, work);
		};
		QemuBoot boot = failingOn(b.expect(expected.toArray(ExpectedMarker[]::new))).timeout(r.timeout()).build();
		BootResult result = new QemuRunner().run(boot, work.resolve("qemu"), console);
		List<String> problems = r.marker() && result.outcome() == BootResult.Outcome.ALL_SEEN ? MarkerHarness.check(plan, result) : List.of();
		return new Report(outcome.diagnostics(), plan, result, work, problems);
	}

	/** Xen's and Linux's words for a crash: the boot fails at once. */
	static final List<String> CRASHES = List.of("Panic on CPU", "Kernel panic", "Unable to handle kernel", "Reboot in five seconds");

	/** What ends every boot at once as failed: a crash, or a failure marker of the registry ({@link MarkerKind#failures()}). */
	static QemuBoot.Builder failingOn(QemuBoot.Builder b) {
		return b.failOn(CRASHES.toArray(String[]::new)).failOnMarkers(MarkerKind.failures());
	}

	/**
	 * With the user's own kernels Tessera cannot know what each prints; it waits for a sign of life: console output
	 * of every domain Xen starts at boot (Xen prefixes it with DOM&lt;id&gt;:) and, for dom0, Linux reaching its
	 * init. Domains started with xl are the user's dom0's business.
	 */
	static List<ExpectedMarker> upOnly(Plan plan) {
		List<ExpectedMarker> l = new ArrayList<>();
		if (plan.dom0() != null) l.add(ExpectedMarker.log("Freeing unused kernel memory"));
		plan.bootDomains().forEach(d -> l.add(ExpectedMarker.log("DOM" + d.id() + ": ")));
		return l;
	}

	/** QEMU loads Xen (-kernel), the generated host DTB (-dtb) and every module at its planned address. */
	private static QemuBoot.Builder direct(Plan plan, Path out, Path files, Path xen) throws IOException {
		QemuBoot.Builder b = QemuBoot.direct(xen, out.resolve("host.dtb"));
		for (BootModule m : plan.loads()) {
			if ("xen".equals(m.kind())) continue;
			b.loader(source(m, out, files), m.address());
		}
		return b;
	}

	/** U-Boot runs the generated boot.scr: fetched over TFTP with every file, or from RAM with preloaded files. */
	private static QemuBoot.Builder uboot(Plan plan, Path out, Path files, Path xen, Path work, BootAssets assets) throws IOException {
		Path flash = work.resolve("uboot-env.img");
		QemuBoot.Builder b;
		if (plan.preloaded()) {
			new UBootEnvironment().set("bootcmd", "source " + dev.tessera.core.text.Sizes.hex(plan.scriptAddress())).writeFlash(flash);
			b = QemuBoot.uboot(assets.ubootQemuArm64(), flash);
			b.loader(out.resolve("boot.scr"), plan.scriptAddress());
			for (BootModule m : plan.loads()) b.loader("xen".equals(m.kind()) ? xen : source(m, out, files), m.address());
		} else {
			// QEMU's TFTP root: the generated files and the binaries side by side, as on a build server
			Path tftp = work.resolve("tftp");
			Files.createDirectories(tftp);
			copyTree(out, tftp);
			copyTree(files, tftp);
			MarkerHarness.link(xen, tftp.resolve(plan.xen().file()));
			UBootEnvironment.sourceFromTftp("boot.scr", plan.scriptAddress()).writeFlash(flash);
			b = QemuBoot.uboot(assets.ubootQemuArm64(), flash).tftp(tftp);
		}
		return b;
	}

	static Path source(BootModule m, Path out, Path files) throws IOException {
		Path generated = out.resolve(m.file());
		return "generated".equals(m.sizeSource()) && Files.exists(generated) ? generated : MarkerHarness.inside(files, m.file());
	}

	/** Links every file of {@code from} into {@code to} (QEMU's TFTP server follows links). */
	static void copyTree(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) return;
		try (var walk = Files.walk(from)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				MarkerHarness.link(p.toRealPath(), target);
			}
		}
	}
}
