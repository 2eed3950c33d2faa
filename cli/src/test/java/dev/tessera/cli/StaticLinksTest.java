package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cockpit's links between domains Xen starts at boot, read back from the compiled host DTB with fdtget:
 * the cluster and Android: each event-channel end names the other end's node by phandle, and both domains map
 * the shared region.
 */
class StaticLinksTest {
	@TempDir
	Path tmp;

	@Test
	void eventChannelEndsPointAtEachOtherAndSharedMemoryIsMappedByBoth() {
		Path out = CliRun.generated("examples/ivi/rcar-h3-cockpit.tess", tmp.resolve("cockpit"));
		Path dtb = out.resolve("host.dtb");
		long[] cluster = GenerateExampleTest.cells(CliRun.fdtget(dtb, "x", "/chosen/cluster/evtchn@a", "xen,evtchn"));
		long[] doma = GenerateExampleTest.cells(CliRun.fdtget(dtb, "x", "/chosen/doma/evtchn@a", "xen,evtchn"));
		assertEquals(10, cluster[0]);
		assertEquals(10, doma[0]);
		assertEquals(GenerateExampleTest.cells(CliRun.fdtget(dtb, "x", "/chosen/doma/evtchn@a", "phandle"))[0], cluster[1]);
		assertEquals(GenerateExampleTest.cells(CliRun.fdtget(dtb, "x", "/chosen/cluster/evtchn@a", "phandle"))[0], doma[1]);
		assertEquals("owner", CliRun.fdtget(dtb, "s", "/chosen/cluster/shared-mem@64000000", "role"));
		assertEquals("borrower", CliRun.fdtget(dtb, "s", "/chosen/doma/shared-mem@64000000", "role"));
		assertEquals("vehicle", CliRun.fdtget(dtb, "s", "/chosen/doma/shared-mem@64000000", "xen,shm-id"));
		// the GPU and the display leave dom0's sight
		CliRun.fdtget(dtb, "x", "/soc/gsx@fd000000", "xen,passthrough");
		CliRun.fdtget(dtb, "x", "/soc/display@feb00000", "xen,passthrough");
	}

	@Test
	void aCpupoolWithoutASchedulerLeavesTheChoiceToXen() {
		Path out = CliRun.generated("examples/ivi/rcar-h3-cockpit.tess", tmp.resolve("cockpit2"));
		Path dtb = out.resolve("host.dtb");
		assertEquals("credit2", CliRun.fdtget(dtb, "s", "/chosen/cpupool-ivi", "cpupool-sched"));
		String spare = CliRun.tool(out, "fdtget", "-p", dtb.toString(), "/chosen/cpupool-spare");
		assertTrue(spare.contains("cpupool-cpus") && !spare.contains("cpupool-sched"), spare);
	}
}
