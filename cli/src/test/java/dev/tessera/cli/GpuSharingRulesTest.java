package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a GPU's host has the GPU: a guest that also takes it, or a host that is its own guest, is refused. */
class GpuSharingRulesTest {
	@TempDir
	Path tmp;

	@Test
	void aGuestGivenTheGpuAndAHostThatIsItsOwnGuestAreRefusedWithTheirNames() throws Exception {
		Path system = tmp.resolve("g.tess");
		Files.writeString(system, """
				system g on rcar-h3-salvator-xs {
					xen 4.17 { console scif2 image "xen" max 4M cmdline "xsm=dummy" }
					domain dom0 control { memory 512M kernel "Image" max 40M }
					domain guest at-boot { memory 512M static at 0x70000000 direct-map kernel "K" max 8M passthrough gpu }
					gpu gpu hardware host dom0 { guest dom0 osid 1 guest guest osid 2 }
				}
				""");
		CliRun run = CliRun.of("check", system.toString());
		String all = run.out + run.err;
		assertEquals(1, run.exit, all);
		assertTrue(all.contains("g.tess:4:") && all.contains("error: GPU 'gpu' is hosted by domain 'dom0', but domain 'guest' is given it") && all.contains("only its host owns it [gpu.mode]"), all);
		assertTrue(all.contains("g.tess:5:") && all.contains("error: domain 'dom0' hosts GPU 'gpu' and cannot also be its guest"), all);
	}
}
