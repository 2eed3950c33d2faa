package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.qemu.BootResult;
import dev.tessera.core.plan.OutputFiles;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.pipeline.Pipeline;

/**
 * Systems under FLASK enforcing with the policy Tessera writes for them (compiled against Debian's Xen 4.17 source,
 * loaded as a boot module on every route): a driver domain started with xl serves a guest (U-Boot, prebuilt DTB, UEFI);
 * the same with both started by Xen at boot and relabelled by dom0 (U-Boot, prebuilt DTB); the cockpit twin with its
 * shared memory and static event channel to the cluster. Every declared link works, each domain runs with its type
 * (xl list -Z) and Xen denies nothing (a denial fails any boot). Negative controls boot the same outputs with the
 * policy of the system without a link: the guest's devices (its event channel to DomD is denied, it gets no disk),
 * the twin's event channel to the cluster (denied when Xen binds it at boot; the cluster never comes up).
 */
class FlaskBootTest {
	static final String SYSTEM = "driver-domain/qemu-domd-flask";
	static final XenVersion V417 = new XenVersion(4, 17);

	/** What the system is about, reported from inside (as for qemu-domd, which runs xsm=dummy). */
	static final List<ExpectedMarker> LINKS = List.of(
			ExpectedMarker.of("domd", MarkerKind.SERVE, "ok"),
			ExpectedMarker.of("dom0", MarkerKind.START, "ok"),
			ExpectedMarker.of("guest", MarkerKind.DISK, "xvda tessera-disk /var/lib/tessera/guest-disk.img"),
			ExpectedMarker.of("guest", MarkerKind.NET, "ping 192.168.77.1 from eth0 00:16:3e:5e:55:01"),
			ExpectedMarker.of("domd", MarkerKind.BRIF, " connected xenbr0 00:16:3e:5e:55:01"));

	/** xl list -Z: each domain runs with its type from the generated policy; xl getenforce: FLASK enforces it. */
	static final List<ExpectedMarker> LABELS = List.of(
			ExpectedMarker.of("dom0", MarkerKind.XLLABEL, "Domain-0 0 system_u:system_r:dom0_t"),
			ExpectedMarker.of("dom0", MarkerKind.XLLABEL, "domd 1 system_u:system_r:domd_t"),
			ExpectedMarker.of("dom0", MarkerKind.XLLABEL, "guest 2 system_u:system_r:guest_t"),
			ExpectedMarker.of("dom0", MarkerKind.XLOUT, "Enforcing"));

	@TempDir
	Path work;

	@ParameterizedTest(name = "via {0}")
	@EnumSource(value = Route.class, names = { "UBOOT", "DIRECT", "UEFI" })
	void theDriverDomainServesItsGuestUnderFlaskEnforcingWithTheGeneratedPolicy(Route route) throws Exception {
		// dom0 also lists the domains with their labels, and asks FLASK its mode
		SystemBooter.Report report = boot(route, Duration.ofMinutes(5), out -> { }, new MarkerExtras(java.util.Map.of(),
				List.of("tess_xl=getenforce"), LABELS));
		assertTrue(report.passed(), report.problems() + "\n" + report.boot().describe());
		for (ExpectedMarker m : LINKS)
			assertTrue(report.boot().markers(m.domain(), m.kind()).stream().anyMatch(l -> l.body().contains(m.contains())), m + "\n" + report.boot().describe());
		// nothing denied (a denial is a failure line, so the boot would have stopped on it)
		assertFalse(serial(report).contains("avc:  denied"), "nothing denied");
		java.lang.System.out.printf("FLASK enforcing via %s: %.1f s%n", route, report.boot().elapsed().toMillis() / 1000.0);
	}

	@Test
	void aLinkThePolicyDoesNotAllowIsDeniedAndTheGuestGetsNoDisk() throws Exception {
		// the policy of the same system without the guest's disk and vif: nothing lets DomD map the guest's grants
		Path undeclared = Files.createDirectories(work.resolve("undeclared"));
		String text = Files.readString(BootScenariosTest.root().resolve("examples/" + SYSTEM + ".tess"));
		String without = text.lines().filter(l -> !l.strip().startsWith("disk ") && !l.strip().startsWith("vif ")).reduce("", (a, b) -> a + b + "\n");
		assertNotEquals(text, without);
		Path tess = undeclared.resolve("qemu-domd-flask.tess");
		Files.writeString(tess, without);
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(tess, null, undeclared, undeclared.resolve("out"))
				.withXenSource(BootXen.sourceOf(V417)));
		assertNull(o.stop(), String.valueOf(o.stop()));
		assertFalse(o.failed(), o.diagnostics().toString());
		Path policy = undeclared.resolve("out").resolve(OutputFiles.XEN_POLICY);
		SystemBooter.Report report = boot(Route.UBOOT, Duration.ofMinutes(3), out -> {
			try {
				assertNotEquals(-1L, Files.mismatch(policy, out.resolve(OutputFiles.XEN_POLICY)), "another policy");
				Files.copy(policy, out.resolve(OutputFiles.XEN_POLICY), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, MarkerExtras.NONE);
		assertFalse(report.passed());
		assertEquals(BootResult.Outcome.FAILURE_SEEN, report.boot().outcome(), report.boot().describe());
		// Xen's own line: the access vector cache denied DomD a grant of the guest's
		String failure = report.boot().failure().orElse("");
		assertTrue(failure.contains("avc:  denied"), failure);
		List<String> denials = serial(report).lines().filter(l -> l.contains("avc:  denied")).toList();
		assertTrue(denials.stream().anyMatch(l -> l.contains("domd_t") && l.contains("guest_t")),
				"between DomD and the guest: " + denials);
		assertTrue(report.boot().missing().contains(LINKS.get(2)), report.boot().describe());
		java.lang.System.out.printf("FLASK with the undeclared links: failed after %.1f s: %s%n", report.boot().elapsed().toMillis() / 1000.0, failure);
	}

	@ParameterizedTest(name = "via {0}")
	@EnumSource(value = Route.class, names = { "UBOOT", "DIRECT" })
	void domainsXenStartsAtBootAreRelabelledAndTheDriverDomainServesUnderFlaskEnforcing(Route route) throws Exception {
		// DomD and the guest are started by Xen at boot, labelled unlabeled_t; dom0's start script gives each its type
		List<ExpectedMarker> expected = new java.util.ArrayList<>(BootScenariosTest.ABOUT.get("driver-domain/qemu-domd-dom0less"));
		expected.addAll(List.of(ExpectedMarker.of("dom0", MarkerKind.XLLABEL, "domd 1 system_u:system_r:domd_t"),
				ExpectedMarker.of("dom0", MarkerKind.XLLABEL, "guest 2 system_u:system_r:guest_t"), ExpectedMarker.of("dom0", MarkerKind.XLOUT, "Enforcing")));
		Path system = BootScenariosTest.root().resolve("examples/driver-domain/qemu-domd-dom0less-flask.tess");
		SystemBooter.Report report = new SystemBooter().boot(new SystemBooter.Request(system, null, null, route, true, XenRequest.release(V417),
				Duration.ofMinutes(5), work.resolve("boot"), out -> { }, new MarkerExtras(java.util.Map.of(), List.of("tess_xl=getenforce"), expected)),
				line -> { });
		assertTrue(report.passed(), report.problems() + "\n" + report.boot().describe());
		java.lang.System.out.printf("FLASK enforcing, boot domains relabelled, via %s: %.1f s%n", route, report.boot().elapsed().toMillis() / 1000.0);
	}

	/** The cockpit twin (examples/ivi/qemu-cockpit-twin.tess) with xsm flask, for Xen 4.17's feature build. */
	private Path flaskTwin(String name, java.util.function.UnaryOperator<String> change) throws java.io.IOException {
		String text = Files.readString(BootScenariosTest.root().resolve("examples/ivi/qemu-cockpit-twin.tess"));
		String flask = text.replace("xen 4.20 { console uart0 image \"xen\" max 4M cmdline \"xsm=dummy\" }", "xen 4.17 { console uart0 image \"xen\" max 4M xsm flask }");
		assertNotEquals(text, flask, "the twin's xen line");
		Path file = Files.createDirectories(work.resolve(name)).resolve("qemu-cockpit-twin.tess");
		Files.writeString(file, change.apply(flask));
		return file;
	}

	@Test
	void theCockpitTwinBootsUnderFlaskEnforcingWithEveryLinkTheClusterIncluded() throws Exception {
		// DomD serves Android's disk and vif; the cluster and Android share memory and a static event channel, which Xen
		// binds at boot; dom0 relabels all three boot domains (the cluster has no xenstore: xl lists it without a name)
		List<ExpectedMarker> expected = new java.util.ArrayList<>(BootScenariosTest.COCKPIT_TWIN);
		expected.addAll(List.of(ExpectedMarker.of("dom0", MarkerKind.XLLABEL, "domd 1 system_u:system_r:domd_t"),
				ExpectedMarker.of("dom0", MarkerKind.XLLABEL, "doma 2 system_u:system_r:doma_t"),
				ExpectedMarker.of("dom0", MarkerKind.XLLABEL, " 3 system_u:system_r:cluster_t"), ExpectedMarker.of("dom0", MarkerKind.XLOUT, "Enforcing")));
		SystemBooter.Report report = new SystemBooter().boot(new SystemBooter.Request(flaskTwin("twin", t -> t), null, null, Route.UBOOT, true,
				XenRequest.release(V417), Duration.ofMinutes(5), work.resolve("boot"), out -> { },
				new MarkerExtras(java.util.Map.of(), List.of("tess_xl=list+-c,getenforce"), expected)), line -> { });
		assertTrue(report.passed(), report.problems() + "\n" + report.boot().describe());
		assertFalse(serial(report).contains("avc:  denied"), "nothing denied");
		java.lang.System.out.printf("cockpit twin under FLASK enforcing: %.1f s%n", report.boot().elapsed().toMillis() / 1000.0);
	}

	@Test
	void anEventChannelToTheClusterThePolicyDoesNotAllowIsDeniedAndXenStops() throws Exception {
		// the twin's outputs with the policy of the same system without its event channel to the cluster: Xen's own
		// binding of the channel at boot is denied, and Xen cannot set the domains up
		Path without = flaskTwin("without", t -> t.lines().filter(l -> !l.strip().startsWith("event-channel ")).reduce("", (a, b) -> a + b + "\n"));
		assertFalse(Files.readString(without).contains("event-channel "));
		Pipeline.Outcome o = new Pipeline().generate(new Pipeline.Request(without, null, without.getParent(), without.getParent().resolve("out"))
				.withXenSource(BootXen.sourceOf(V417)));
		assertNull(o.stop(), String.valueOf(o.stop()));
		Path policy = without.getParent().resolve("out").resolve(OutputFiles.XEN_POLICY);
		assertTrue(Files.exists(policy), o.diagnostics().toString());
		SystemBooter.Report report = new SystemBooter().boot(new SystemBooter.Request(flaskTwin("twin", t -> t), null, null, Route.UBOOT, true,
				XenRequest.release(V417), Duration.ofMinutes(3), work.resolve("boot"), out -> {
					try {
						Files.copy(policy, out.resolve(OutputFiles.XEN_POLICY), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
					} catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				}, MarkerExtras.NONE), line -> { });
		assertFalse(report.passed());
		assertEquals(BootResult.Outcome.FAILURE_SEEN, report.boot().outcome(), report.boot().describe());
		List<String> denials = serial(report).lines().filter(l -> l.contains("avc:  denied")).toList();
		assertTrue(denials.stream().anyMatch(l -> l.contains("tclass=event")), "an event channel denied: " + denials);
		assertTrue(report.boot().missing().contains(ExpectedMarker.up("cluster")), report.boot().describe());
		java.lang.System.out.printf("cockpit twin without its event channel in the policy: failed after %.1f s: %s%n",
				report.boot().elapsed().toMillis() / 1000.0, report.boot().failure().orElse(""));
	}

	private SystemBooter.Report boot(Route route, Duration timeout, java.util.function.Consumer<Path> tamper, MarkerExtras extras) throws Exception {
		Path system = BootScenariosTest.root().resolve("examples").resolve(SYSTEM + ".tess");
		if (route == Route.UEFI) {
			// under UEFI firmware QEMU's virt has no PL061, which dom0 would probe: the same system on the board of that machine
			String text = Files.readString(system);
			assertTrue(text.contains(" on qemu-virt {"), "the system is on qemu-virt");
			system = Files.createDirectories(work.resolve("efi")).resolve(system.getFileName());
			Files.writeString(system, text.replace(" on qemu-virt {", " on qemu-virt-efi {"));
		}
		return new SystemBooter().boot(new SystemBooter.Request(system, null, null, route, true, XenRequest.release(V417), timeout, work.resolve("boot"),
				tamper, extras), line -> { });
	}

	private static String serial(SystemBooter.Report report) throws java.io.IOException {
		return Files.readString(report.boot().serialLog(), StandardCharsets.ISO_8859_1);
	}

}
