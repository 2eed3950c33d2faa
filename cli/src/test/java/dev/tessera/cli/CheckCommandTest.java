package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
	@TempDir
	Path tmp;

	@Test
	void shippedBoardAndExampleAreClean() {
		CliRun run = CliRun.of("check", CliRun.root().resolve("boards/qemu-virt.tess").toString(),
				CliRun.root().resolve("examples/ivi/cockpit.tess").toString());
		assertEquals(0, run.exit, run.err);
		assertTrue(run.out.contains("0 error(s)"), run.out);
	}

	@Test
	void manyProblemsAreAllReportedInAStableOrder() throws Exception {
		Path p = tmp.resolve("many.tess");
		Files.writeString(p, """
				system s on qemu-virt {
				  xen 4.16 { console gpio0 }
				  cpupool p { cpus 0-2 }
				  domain a control { memory 256M kernel "Image" pin 1, 1 }
				  domain a at-boot { memory 64M kernel "Image" direct-map passthrough gpio0 }
				  domain b at-boot { memory 64M kernel "Image" passthrough gpio0, uart0 }
				}
				""");
		CliRun first = CliRun.of("check", p.toString());
		CliRun second = CliRun.of("check", p.toString());
		assertEquals(1, first.exit);
		assertEquals(first.err, second.err, "same order every run");
		for (String rule : new String[] { "xen.console", "xen.feature", "cpu.exists", "cpupool.boot-cpu", "cpu.pin-duplicate",
				"domain.name-unique", "memory.direct-map-static", "device.passthrough-once", "device.xen-owned" })
			assertTrue(first.err.contains("[" + rule + "]"), rule + " missing in:\n" + first.err);
		// sorted by line, then column
		int previous = 0;
		for (String line : first.err.lines().toList()) {
			int l = Integer.parseInt(line.split(":")[1]);
			assertTrue(l >= previous, first.err);
			previous = l;
		}
	}

	@Test
	void tooMuchMemoryNamesAFewDomainsNotAll() throws Exception {
		StringBuilder text = new StringBuilder("system s on qemu-virt {\n  domain dom0 control { memory 256M kernel \"Image\" }\n");
		for (int i = 1; i < 40; i++) text.append("  domain d").append(i).append(" at-boot { memory 128M kernel \"Image\" }\n");
		Path p = tmp.resolve("big.tess");
		Files.writeString(p, text.append("}\n"));
		CliRun run = CliRun.of("check", p.toString());
		String line = run.err.lines().filter(l -> l.contains("[memory.fits]")).findFirst().orElseThrow(() -> new AssertionError(run.err));
		assertTrue(line.contains("'dom0' 256M, 'd1' 128M") && line.contains(" and 35 more)") && !line.contains("'d39'"), line);
	}

	@Test
	void rulesCommandListsStableIds() {
		CliRun run = CliRun.of("rules");
		assertEquals(0, run.exit);
		assertTrue(run.out.contains("memory.fits") && run.out.contains("syntax"), run.out);
	}
}
