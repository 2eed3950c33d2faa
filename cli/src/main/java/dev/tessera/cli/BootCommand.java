package dev.tessera.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.boot.harness.Route;
import dev.tessera.boot.harness.BootXen;
import dev.tessera.boot.harness.SystemBooter;
import dev.tessera.boot.harness.XenRequest;
import dev.tessera.generators.tools.ToolFailedException;
import dev.tessera.process.ProgramNotInstalledException;
import dev.tessera.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "boot", mixinStandardHelpOptions = true,
		description = "Generate a system for QEMU's virt board and boot it under real Xen in QEMU; print every domain's "
				+ "console lines as they come; exit 0 only when every domain came up.")
final class BootCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "SYSTEM.tess")
	Path systemFile;

	@Option(names = "--route", defaultValue = "uboot", paramLabel = "uboot|direct|uefi",
			description = "uboot: U-Boot runs the generated boot.scr (default); direct: QEMU loads Xen, the host DTB and the modules; uefi: AAVMF firmware, xen.cfg on an EFI partition")
	String route;

	@Option(names = "--marker", description = "boot the harness's own Linux and marker initramfs in every domain, and check what each domain reports against the system (memory, CPUs, static memory, devices, shared memory)")
	boolean marker;

	@Option(names = "--files", paramLabel = "DIR", description = "your Xen, kernels and ramdisks (default: the system file's folder); not used with --marker")
	Path files;

	@Option(names = "--xen", paramLabel = "4.17|4.20|FILE", description = "the Xen to boot: 4.17 (Debian 12's, or the harness's own build of it "
			+ "when the system needs static memory, cpupools or shared memory), 4.20 (Debian 13's, with its xl tools in dom0 and the driver domains), "
			+ "or a Xen image (default: the release the system targets with --marker, else the Xen in --files); the system is generated for the "
			+ "release that boots")
	String xen;

	@Option(names = "--xen-config", paramLabel = "FILE", description = "the Kconfig of the Xen image (--xen FILE or the one in --files; "
			+ "default FILE.config beside it): a system using what the build lacks is refused before anything boots")
	Path xenConfig;

	@Option(names = "--system", paramLabel = "NAME")
	String system;

	@Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS")
	long timeout;

	@Option(names = "--keep", paramLabel = "DIR", description = "keep the generated files, the TFTP folder and the serial log here")
	Path keep;

	@Override
	public Integer call() throws Exception {
		var out = spec.commandLine().getOut();
		var err = spec.commandLine().getErr();
		if (!Pipeline.readable(systemFile)) {
			err.println("tessera: cannot read " + systemFile + ": no such file");
			return Main.USAGE;
		}
		Route r;
		try {
			r = Route.valueOf(route.toUpperCase(java.util.Locale.ROOT));
		} catch (IllegalArgumentException e) {
			err.println("tessera: --route takes uboot, direct or uefi, not '" + route + "'");
			return Main.USAGE;
		}
		XenRequest xenRequest;
		try {
			xenRequest = XenRequest.parse(xen, xenConfig);
		} catch (IllegalArgumentException e) {
			err.println("tessera: " + e.getMessage());
			return Main.USAGE;
		}
		if (xenRequest.file() != null && !Files.isRegularFile(xenRequest.file())) {
			err.println("tessera: --xen " + xen + ": no such file (and not a release the harness boots: 4.17, 4.20)");
			return Main.USAGE;
		}
		Path work = keep != null ? keep.toAbsolutePath() : Files.createTempDirectory("tessera-boot-");
		Files.createDirectories(work);
		try {
			SystemBooter.Report report = new SystemBooter().boot(new SystemBooter.Request(systemFile, system, files, r, marker, xenRequest,
					Duration.ofSeconds(timeout), work), line -> { out.println(line); out.flush(); });
			report.notes().forEach(n -> err.println("tessera: warning: " + n));
			if (report.boot() == null) {
				new Reporter(out, err, new DiagnosticOptions()).report(report.diagnostics());
				err.println("tessera: the system has errors" + (report.xen() != null && report.xen().build() != null
						? " (checked against the Kconfig of the Xen build " + report.xen().build().source() + ")" : "") + "; nothing was booted");
				return Main.MODEL_ERRORS;
			}
			if (report.passed()) {
				out.println("tessera: every domain came up (" + report.boot().elapsed().toMillis() / 1000.0 + " s"
						+ (report.xen().release() != null ? ", Xen " + report.xen().release() : "") + ")");
				return Main.OK;
			}
			report.problems().forEach(p -> err.println("tessera: " + p));
			err.println("tessera: boot failed: " + report.boot().describe());
			if (keep != null) err.println("tessera: serial log: " + report.boot().serialLog());
			else err.println("tessera: the end of the serial log is above; run again with --keep DIR to keep all of it");
			return Main.MODEL_ERRORS;
		} catch (BootAssets.MissingAssetsException | BootXen.Unavailable e) {
			err.println("tessera: " + e.getMessage());
			return Main.USAGE;
		} catch (ProgramNotInstalledException e) {
			err.println("tessera: " + e.getMessage());
			return Main.USAGE;
		} catch (ToolFailedException e) {
			err.println("tessera: " + e.getMessage());
			return Main.MODEL_ERRORS;
		} finally {
			// the serial log is named above; without --keep nothing of the run stays behind
			if (keep == null) deleteTree(work);
		}
	}

	private static void deleteTree(Path root) {
		try (var walk = Files.walk(root)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (java.io.IOException e) {
			// a leftover temporary folder is not worth failing the command for
		}
	}
}
