package dev.tessera.generators;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.plan.Resolver;
import dev.tessera.generators.manifest.ManifestWriter;
import dev.tessera.generators.manifest.ManifestWriter.Artifact;
import dev.tessera.generators.output.StagedOutput;
import dev.tessera.generators.render.TemplateRenderer;
import dev.tessera.generators.tools.Dtc;
import dev.tessera.generators.tools.Mkimage;
import dev.tessera.generators.tools.ToolFailedException;

/**
 * Renders a plan into every file a Xen image needs, compiles the device trees with dtc and wraps the boot
 * script with mkimage, all in a staging folder that replaces the output folder only when everything worked.
 */
public final class SystemGenerator {
	/** The board's device tree is copied under this name, and the host trees include it. */
	public static final String BOARD_DTS = "board.dts";

	private final TemplateRenderer renderer = new TemplateRenderer();
	private final Dtc dtc = new Dtc();
	private final Mkimage mkimage = new Mkimage();

	/**
	 * Renders every output of {@code plan} into {@code out} (a staging folder the caller commits); {@code boardDts} is
	 * the board's own device-tree source.
	 */
	public List<Artifact> render(Plan plan, byte[] boardDts, StagedOutput out) {
		List<Artifact> artifacts = new ArrayList<>();
		{
			Path dir = out.dir();
			out.write(BOARD_DTS, boardDts);
			artifacts.add(new Artifact(BOARD_DTS, "board-device-tree-source"));

			// Partial device trees of the domains that are given devices.
			for (DomainPlan d : plan.domains()) {
				if (!d.generatedDeviceTree()) continue;
				boolean dom0less = "at-boot".equals(d.start());
				String base = (dom0less ? "passthrough/" : "xl/") + d.name();
				out.write(base + ".dts", renderer.render("partial.dts.ftl", Map.of("plan", plan, "d", d, "dom0less", dom0less)));
				dtc.compile(dir, base + ".dts", base + ".dtb", dom0less ? Resolver.PARTIAL_DTB_SIZE : 0);
				artifacts.add(new Artifact(base + ".dts", "partial-device-tree-source"));
				artifacts.add(new Artifact(base + ".dtb", "partial-device-tree"));
			}

			// Host device tree with /chosen, for loaders that take a ready DTB (QEMU -dtb, a prebuilt image).
			if (!plan.dynamic()) {
				out.write("host.dts", renderer.render("host.dts.ftl", Map.of("plan", plan, "uefi", false, "boardFile", BOARD_DTS)));
				dtc.compile(dir, "host.dts", "host.dtb", 0);
				artifacts.add(new Artifact("host.dts", "host-device-tree-source"));
				artifacts.add(new Artifact("host.dtb", "host-device-tree"));
			}

			// U-Boot script that loads every file and builds the same /chosen on the firmware's tree.
			out.write("boot.cmd", renderer.render("boot.cmd.ftl", Map.of("plan", plan)));
			mkimage.wrapScript(dir, "arm32".equals(plan.arch()) ? "arm" : "arm64", "boot.cmd", "boot.scr");
			long scriptSize = out.file("boot.scr").toFile().length();
			if (scriptSize > Resolver.SCRIPT_SIZE)
				throw new ToolFailedException("boot.scr is " + scriptSize + " bytes, more than the " + Resolver.SCRIPT_SIZE
						+ " bytes planned for it");
			artifacts.add(new Artifact("boot.cmd", "uboot-script-source"));
			artifacts.add(new Artifact("boot.scr", "uboot-script"));

			// UEFI: xen.cfg and a device tree whose modules the EFI loader reads by name.
			out.write("uefi/" + BOARD_DTS, boardDts);
			out.write("uefi/xen.cfg", renderer.render("xen.cfg.ftl", Map.of("plan", plan)));
			out.write("uefi/host.dts", renderer.render("host.dts.ftl", Map.of("plan", plan, "uefi", true, "boardFile", BOARD_DTS)));
			dtc.compile(dir, "uefi/host.dts", "uefi/host.dtb", 0);
			for (DomainPlan d : plan.bootDomains())
				if (d.generatedDeviceTree())
					out.write("uefi/" + d.name() + ".dtb", readAll(out.file("passthrough/" + d.name() + ".dtb")));
			artifacts.add(new Artifact("uefi/" + BOARD_DTS, "board-device-tree-source"));
			artifacts.add(new Artifact("uefi/xen.cfg", "uefi-config"));
			artifacts.add(new Artifact("uefi/host.dts", "uefi-device-tree-source"));
			artifacts.add(new Artifact("uefi/host.dtb", "uefi-device-tree"));
			for (DomainPlan d : plan.bootDomains())
				if (d.generatedDeviceTree()) artifacts.add(new Artifact("uefi/" + d.name() + ".dtb", "uefi-partial-device-tree"));

			// xl configs for the domains dom0 starts later.
			for (DomainPlan d : plan.xlDomains()) {
				out.write("xl/" + d.name() + ".cfg", renderer.render("xl.cfg.ftl", Map.of("plan", plan, "d", d)));
				artifacts.add(new Artifact("xl/" + d.name() + ".cfg", "xl-config"));
			}

			// dom0's start script for the xl domains, and the driver-domain layout
			if (!plan.xlDomains().isEmpty() || plan.bootDomains().stream().anyMatch(d -> !d.frontends().isEmpty())) {
				out.write("xl/start-domains.sh", renderer.render("start-domains.sh.ftl", Map.of("plan", plan)));
				out.file("xl/start-domains.sh").toFile().setExecutable(true);
				artifacts.add(new Artifact("xl/start-domains.sh", "xl-start-script"));
			}
			out.write("layout.yaml", new dev.tessera.generators.layout.LayoutWriter().write(plan));
			out.write("layout.svg", renderer.render("layout.svg.ftl", Map.of("g", new dev.tessera.generators.layout.LayoutDrawing(plan))));
			artifacts.add(new Artifact("layout.yaml", "driver-domain-layout"));
			artifacts.add(new Artifact("layout.svg", "driver-domain-drawing"));

			out.write("manifest.yaml", new ManifestWriter().write(plan, dir, artifacts));
		}
		return artifacts;
	}

	private static byte[] readAll(Path p) {
		try {
			return java.nio.file.Files.readAllBytes(p);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
