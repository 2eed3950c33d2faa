package dev.tessera.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.plan.OutputFiles;

/**
 * A system with xsm flask: its policy is written from what it declares, compiled by m4 and checkpolicy against Xen
 * 4.17's own policy sources, and loaded by each route (the host tree's module node read back by fdtget from what dtc
 * compiled, xen.cfg read as Xen's EFI loader reads it). Without the sources, or with another release's, generate
 * stops with rule xsm.flask-source at the xsm line. Boots: FlaskBootTest in the boot module.
 */
class FlaskPolicyTest {
	static final String SYSTEM = """
			system s on qemu-virt {
				xen 4.17 { console uart0 image "xen" max 4M xsm flask }
				domain dom0 control { memory 256M kernel "Image" max 32M }
				domain domd driver xl { memory 256M kernel "/boot/Image" vuart off }
				domain guest xl { memory 128M kernel "/boot/Image" vuart off disk xvda from domd target "/srv/guest.img" }
				domain other xl { memory 64M kernel "/boot/Image" vuart off }
			}
			""";

	@TempDir
	Path dir;

	private Pipeline.Outcome generate(Path source) throws Exception {
		Files.copy(ExampleOutputsTest.ROOT.resolve("boards/qemu-virt.dts"), dir.resolve("qemu-virt.dts"));
		Path tess = dir.resolve("s.tess");
		Files.writeString(tess, SYSTEM);
		return new Pipeline().generate(new Pipeline.Request(tess, null, dir, dir.resolve("out")).withXenSource(source));
	}

	private static Path source() {
		Path src = ExampleOutputsTest.xenSource();
		assertNotNull(src, "Xen 4.17's source: TESSERA_XEN_SOURCE, or e2e/assets.sh's cache (scripts/test.sh prepares it)");
		return src;
	}

	@Test
	void thePolicyAllowsWhatTheSystemDeclaresAndEveryRouteLoadsIt() throws Exception {
		Pipeline.Outcome o = generate(source());
		assertNull(o.stop(), String.valueOf(o.stop()));
		assertFalse(o.failed(), o.diagnostics().toString());
		Path out = dir.resolve("out");
		String te = Files.readString(out.resolve(OutputFiles.FLASK_MODULE));
		for (String d : List.of("domd_t", "guest_t", "other_t")) assertTrue(te.contains("declare_domain(" + d + ")"), d);
		assertTrue(te.contains("create_domain(dom0_t, other_t)"), "dom0 starts every xl domain");
		assertTrue(te.contains("allow domd_t guest_t:grant { map_read map_write copy unmap };"), "DomD maps the guest's grants");
		// nothing connects other with domd or guest, so no line of the policy names both
		for (String line : te.lines().filter(l -> !l.startsWith("#")).toList())
			assertFalse(line.contains("other_t") && (line.contains("domd_t") || line.contains("guest_t")), line);
		// checkpolicy wrote a Xen policy: the SELinux magic, then "XenFlask"
		byte[] policy = Files.readAllBytes(out.resolve(OutputFiles.XEN_POLICY));
		assertEquals(0xf97cff8c, java.nio.ByteBuffer.wrap(policy, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
		assertTrue(new String(policy, 0, 32, java.nio.charset.StandardCharsets.ISO_8859_1).contains("XenFlask"));
		assertArrayEquals(policy, Files.readAllBytes(out.resolve(OutputFiles.UEFI_XEN_POLICY)));
		// U-Boot's and the prebuilt tree's module node, as dtc compiled it; Xen's command line
		Path dtb = out.resolve(OutputFiles.HOST_DTB);
		assertEquals("xen,xsm-policy multiboot,module", HostileTextReachesDtcAndXenCfgTest.fdtget(dtb, "/chosen/xsm-policy", "compatible"));
		assertTrue(HostileTextReachesDtcAndXenCfgTest.fdtget(dtb, "/chosen", "xen,xen-bootargs").endsWith("xsm=flask flask=enforcing"));
		// UEFI: xen.cfg names the policy beside Xen
		assertTrue(Files.readString(out.resolve(OutputFiles.UEFI_CONFIG)).contains("\nxsm=xenpolicy\n"));
		assertTrue(Files.readString(out.resolve("xl/guest.cfg")).contains("seclabel = \"system_u:system_r:guest_t\""));
		// the sources' paths do not reach the outputs (m4 -s writes them into the expanded policy, which is not kept)
		assertFalse(Files.exists(out.resolve("flask/policy.conf")));
	}

	@Test
	void withoutXensSourcesGenerateStopsAtTheXsmLine() throws Exception {
		Pipeline.Outcome o = generate(dir.resolve("no-such-source"));
		Diagnostic d = o.diagnostics().stream().filter(x -> x.ruleId().equals("xsm.flask-source")).findFirst()
				.orElseThrow(() -> new AssertionError(o.diagnostics().toString()));
		assertEquals(2, d.line(), d.format());
		assertTrue(d.message().contains("is not a Xen source tree"), d.message());
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void sourcesOfAnotherReleaseAreRefused() throws Exception {
		// a copy of the policy sources claiming another release
		Path fake = dir.resolve("xen-4.20");
		Path src = source();
		for (String f : List.of("xen/xsm/flask/policy/access_vectors", "tools/flask/policy/modules/xen.if")) {
			Files.createDirectories(fake.resolve(f).getParent());
			Files.copy(src.resolve(f), fake.resolve(f));
		}
		Files.writeString(fake.resolve("xen/Makefile"), "export XEN_VERSION       = 4\nexport XEN_SUBVERSION    = 20\n");
		Pipeline.Outcome o = generate(fake);
		Diagnostic d = o.diagnostics().stream().filter(x -> x.ruleId().equals("xsm.flask-source")).findFirst()
				.orElseThrow(() -> new AssertionError(o.diagnostics().toString()));
		assertTrue(d.message().contains("are Xen 4.20's, and the system targets Xen 4.17"), d.message());
	}
}
