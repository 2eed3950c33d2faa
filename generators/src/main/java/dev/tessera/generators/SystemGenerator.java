package dev.tessera.generators;

import static dev.tessera.core.plan.OutputFiles.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tessera.core.plan.BackendPlan;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.Plan;
import dev.tessera.core.plan.SchedulePlan;
import dev.tessera.core.resolve.Resolver;
import dev.tessera.core.time.Phases;
import dev.tessera.generators.layout.IsolationDrawing;
import dev.tessera.generators.layout.LayoutDrawing;
import dev.tessera.generators.layout.LayoutWriter;
import dev.tessera.generators.layout.ScheduleDrawing;
import dev.tessera.generators.manifest.ManifestWriter;
import dev.tessera.generators.manifest.ManifestWriter.Artifact;
import dev.tessera.generators.output.StagedOutput;
import dev.tessera.generators.render.TemplateRenderer;
import dev.tessera.generators.tools.Dtc;
import dev.tessera.generators.tools.FlaskPolicyCompiler;
import dev.tessera.generators.tools.Mkimage;
import dev.tessera.generators.tools.ToolFailedException;

/**
 * Renders a plan into every file a Xen image needs, compiles the device trees with dtc and wraps the boot
 * script with mkimage, into a staging folder the caller moves into place when everything worked.
 */
public final class SystemGenerator {
	private final TemplateRenderer renderer = new TemplateRenderer();
	private final Dtc dtc = new Dtc();
	private final Mkimage mkimage = new Mkimage();
	private final FlaskPolicyCompiler flask = new FlaskPolicyCompiler();
	/** checkpolicy's input, written and removed inside the staging folder. */
	private static final String FLASK_POLICY_CONF = "flask/policy.conf";

	/**
	 * Loads what rendering uses (FreeMarker and the templates, Jackson's YAML writer) ahead of the first plan: a
	 * cold command does it while the language is set up on another thread. Writes nothing.
	 */
	public static void warmUp() {
		TemplateRenderer.preload();
		dev.tessera.generators.yaml.Yaml.write(dev.tessera.generators.yaml.Yaml.ordered("warm", java.util.List.of(1L, "up")));
	}

	/**
	 * Renders every output of {@code plan} into {@code out}; {@code boardDts} is the board's own device-tree source.
	 *
	 * @throws ToolFailedException when dtc or mkimage refuses what was rendered
	 */
	public List<Artifact> render(Plan plan, byte[] boardDts, StagedOutput out) {
		return render(plan, boardDts, out, List.of());
	}

	/** The same, with the files the run read, which manifest.yaml lists. */
	public List<Artifact> render(Plan plan, byte[] boardDts, StagedOutput out, List<ManifestWriter.Input> inputs) {
		return render(plan, boardDts, out, inputs, null);
	}

	/**
	 * The same; a plan with a FLASK policy is compiled against {@code xenSource}, the target Xen's source tree (the
	 * pipeline checks it is one before it resolves).
	 */
	public List<Artifact> render(Plan plan, byte[] boardDts, StagedOutput out, List<ManifestWriter.Input> inputs, Path xenSource) {
		List<Artifact> artifacts = new ArrayList<>();
		Path dir = out.dir();
		out.write(BOARD_DTS, boardDts);
		artifacts.add(new Artifact(BOARD_DTS, "board-device-tree-source"));

		// Partial device trees of the domains that are given devices.
		for (DomainPlan d : plan.domains()) {
			if (!d.boot().generatedDeviceTree()) continue;
			boolean dom0less = d.start() == dev.tessera.model.Start.BOOT;
			String dts = dom0less ? bootPartialDts(d.name()) : xlPartialDts(d.name());
			String dtb = dom0less ? bootPartialDtb(d.name()) : xlPartialDtb(d.name());
			out.write(dts, renderer.render("partial.dts.ftl", Map.of("plan", plan, "d", d, "dom0less", dom0less)));
			dtc.compile(dir, dts, dtb, dom0less ? Resolver.PARTIAL_DTB_SIZE : 0);
			artifacts.add(new Artifact(dts, "partial-device-tree-source"));
			artifacts.add(new Artifact(dtb, "partial-device-tree"));
		}

		// The FLASK policy: the system's module, compiled against the target Xen's policy sources into the boot module
		if (plan.xen().flask() != null) {
			if (xenSource == null) throw new ToolFailedException("the FLASK policy of " + plan.product() + " needs Xen's policy sources (--xen-source)");
			out.write(FLASK_MODULE, renderer.render("flask.te.ftl", Map.of("plan", plan)));
			out.write(FLASK_MODULES_CONF, renderer.render("flask.modules.conf.ftl", Map.of("plan", plan,
					"xenModules", FlaskPolicyCompiler.XEN_MODULES, "ownModule", FlaskPolicyCompiler.OWN_MODULE)));
			flask.compile(xenSource, dir, FLASK_MODULE, FLASK_POLICY_CONF, XEN_POLICY);
			// the expanded sources carry the source tree's paths (m4 -s): not an output, only checkpolicy's input
			deleteQuietly(out.file(FLASK_POLICY_CONF));
			long size = out.file(XEN_POLICY).toFile().length();
			if (size > plan.xen().flask().policy().size())
				throw new ToolFailedException(XEN_POLICY + " is " + size + " bytes, more than the " + plan.xen().flask().policy().size() + " bytes planned for it");
			out.write(UEFI_XEN_POLICY, readAll(out.file(XEN_POLICY)));
			artifacts.add(new Artifact(FLASK_MODULE, "flask-policy-module"));
			artifacts.add(new Artifact(FLASK_MODULES_CONF, "flask-policy-modules"));
			artifacts.add(new Artifact(XEN_POLICY, "flask-policy"));
			artifacts.add(new Artifact(UEFI_XEN_POLICY, "uefi-flask-policy"));
		}

		// Host device tree with /chosen, for loaders that take a ready DTB (QEMU -dtb, a prebuilt image).
		if (!plan.boot().dynamic()) {
			out.write(HOST_DTS, renderer.render("host.dts.ftl", Map.of("plan", plan, "uefi", false)));
			dtc.compile(dir, HOST_DTS, HOST_DTB, 0);
			artifacts.add(new Artifact(HOST_DTS, "host-device-tree-source"));
			artifacts.add(new Artifact(HOST_DTB, "host-device-tree"));
		}

		// U-Boot script that loads every file and builds the same /chosen on the firmware's tree.
		out.write(BOOT_CMD, renderer.render("boot.cmd.ftl", Map.of("plan", plan)));
		mkimage.wrapScript(dir, plan.arm32() ? "arm" : "arm64", BOOT_CMD, BOOT_SCR);
		long scriptSize = out.file(BOOT_SCR).toFile().length();
		if (scriptSize > plan.boot().scriptRoom())
			throw new ToolFailedException(BOOT_SCR + " is " + scriptSize + " bytes, more than the " + plan.boot().scriptRoom() + " bytes planned for it");
		artifacts.add(new Artifact(BOOT_CMD, "uboot-script-source"));
		artifacts.add(new Artifact(BOOT_SCR, "uboot-script"));

		// UEFI: xen.cfg and a device tree whose modules the EFI loader reads by name.
		out.write(UEFI_BOARD_DTS, boardDts);
		out.write(UEFI_CONFIG, renderer.render("xen.cfg.ftl", Map.of("plan", plan)));
		out.write(UEFI_HOST_DTS, renderer.render("host.dts.ftl", Map.of("plan", plan, "uefi", true)));
		dtc.compile(dir, UEFI_HOST_DTS, UEFI_HOST_DTB, 0);
		List<DomainPlan> bootDtbs = plan.bootDomains().stream().filter(d -> d.boot().generatedDeviceTree()).toList();
		for (DomainPlan d : bootDtbs) out.write(uefiPartialDtb(d.name()), readAll(out.file(bootPartialDtb(d.name()))));
		artifacts.add(new Artifact(UEFI_BOARD_DTS, "board-device-tree-source"));
		artifacts.add(new Artifact(UEFI_CONFIG, "uefi-config"));
		artifacts.add(new Artifact(UEFI_HOST_DTS, "uefi-device-tree-source"));
		artifacts.add(new Artifact(UEFI_HOST_DTB, "uefi-device-tree"));
		for (DomainPlan d : bootDtbs) artifacts.add(new Artifact(uefiPartialDtb(d.name()), "uefi-partial-device-tree"));

		// xl configs for the domains dom0 starts later.
		for (DomainPlan d : plan.xlDomains()) {
			out.write(xlConfig(d.name()), renderer.render("xl.cfg.ftl", Map.of("plan", plan, "d", d)));
			artifacts.add(new Artifact(xlConfig(d.name()), "xl-config"));
		}

		// dom0's start script for the xl domains, and the driver-domain layout
		if (!plan.xlDomains().isEmpty() || plan.bootDomains().stream().anyMatch(d -> !d.pv().frontends().isEmpty()) || plan.schedules().any()
				|| plan.xen().flask() != null && !plan.xen().flask().relabelled().isEmpty()) {
			out.write(START_SCRIPT, renderer.render("start-domains.sh.ftl", Map.of("plan", plan)));
			out.file(START_SCRIPT).toFile().setExecutable(true);
			artifacts.add(new Artifact(START_SCRIPT, "xl-start-script"));
		}
		// what each driver domain runs to serve, which dom0's start script waits for
		for (BackendPlan.Server server : plan.backends().servers()) {
			String script = serveScript(server.domain());
			out.write(script, renderer.render("serve.sh.ftl", Map.of("plan", plan, "s", server)));
			out.file(script).toFile().setExecutable(true);
			artifacts.add(new Artifact(script, "driver-domain-serve-script"));
		}
		// the ARINC 653 schedules dom0's tessera-sched puts in place, and their drawing
		for (SchedulePlan.Arinc653 a : plan.schedules().arinc653()) {
			out.write(arinc653Schedule(a.pool()), renderer.render("arinc653.sched.ftl", Map.of("plan", plan, "a", a)));
			artifacts.add(new Artifact(arinc653Schedule(a.pool()), "arinc653-schedule"));
		}
		if (!plan.schedules().arinc653().isEmpty()) {
			out.write(SCHEDULE_SVG, renderer.render("schedule.svg.ftl", Map.of("g", new ScheduleDrawing(plan))));
			artifacts.add(new Artifact(SCHEDULE_SVG, "schedule-drawing"));
		}
		try (var t = Phases.start("yaml")) {
			out.write(LAYOUT_YAML, new LayoutWriter().write(plan));
		}
		out.write(LAYOUT_SVG, renderer.render("layout.svg.ftl", Map.of("g", new LayoutDrawing(plan))));
		artifacts.add(new Artifact(LAYOUT_YAML, "driver-domain-layout"));
		artifacts.add(new Artifact(LAYOUT_SVG, "driver-domain-drawing"));

		out.write(ISOLATION, renderer.render("isolation.md.ftl", Map.of("plan", plan)));
		artifacts.add(new Artifact(ISOLATION, "isolation-report"));
		IsolationDrawing matrix = new IsolationDrawing(plan);
		if (matrix.drawn(plan)) {
			out.write(ISOLATION_SVG, renderer.render("isolation.svg.ftl", Map.of("g", matrix)));
			artifacts.add(new Artifact(ISOLATION_SVG, "isolation-drawing"));
		}

		try (var t = Phases.start("yaml")) {
			out.write(MANIFEST, new ManifestWriter().write(plan, dir, artifacts, inputs));
		}
		return artifacts;
	}

	private static void deleteQuietly(Path p) {
		try {
			java.nio.file.Files.deleteIfExists(p);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static byte[] readAll(Path p) {
		try {
			return java.nio.file.Files.readAllBytes(p);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
