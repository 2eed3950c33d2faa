package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest of a hardware-virtualized PowerVR GPU gets its OSID's register bank (the page the R-Car board maps of it),
 * mapped where the GPU's registers start, and the nodes of its OSID's IOMMU streams, nothing else of the GPU: read
 * back from the compiled device trees with fdtget, and from the xl config.
 */
class GpuOsidWindowsTest {
	@TempDir
	Path tmp;

	@Test
	void aDom0lessGuestMapsItsOsidBankAtTheGpuBaseWithoutTakingTheGpu() throws Exception {
		Path out = CliRun.generated("examples/ivi/rcar-h3-cockpit.tess", tmp.resolve("cockpit"));
		Path doma = out.resolve("passthrough/doma.dtb");
		// OSID 1: the first page of the second 64 KiB bank of the GPU at 0xfd000000, seen by Android at 0xfd000000
		assertArrayEquals(new long[] { 0, 0xfd010000L, 0, 0x1000, 0, 0xfd000000L },
				GenerateExampleTest.cells(CliRun.fdtget(doma, "x", "/passthrough/gsx@fd000000", "xen,reg")));
		assertArrayEquals(new long[] { 0, 0xfd000000L, 0, 0x1000 },
				GenerateExampleTest.cells(CliRun.fdtget(doma, "x", "/passthrough/gsx@fd000000", "reg")));
		String props = CliRun.tool(out, "fdtget", "-p", doma.toString(), "/passthrough/gsx@fd000000");
		assertTrue(props.contains("xen,force-assign-without-iommu"), props);
		assertFalse(props.contains("xen,path"), "the GPU stays with its host: " + props);
		assertFalse(props.contains("interrupts"), "the GPU's interrupt stays with its host: " + props);
		// the host DomD has the whole GPU, its registers and its interrupt
		Path domd = out.resolve("passthrough/domd.dtb");
		assertEquals("/soc/gsx@fd000000", CliRun.fdtget(domd, "s", "/passthrough/gsx@fd000000", "xen,path"));
		CliRun.fdtget(domd, "x", "/passthrough/gsx@fd000000", "interrupts");
		// the GPU's DMA: a node per IPMMU PV instance and domain in the host tree, micro-TLB 0 for DomD, 1 for Android,
		// each assigned to its domain by xen,path
		Path host = out.resolve("host.dtb");
		for (int pv = 0; pv < 4; pv++) {
			String ipmmu = CliRun.fdtget(host, "x", "/soc/" + new String[] { "iommu@fd800000", "iommu@fd950000", "iommu@fd960000", "iommu@fd970000" }[pv], "phandle").trim();
			long ph = Long.parseLong(ipmmu, 16);
			assertArrayEquals(new long[] { ph, 0 }, GenerateExampleTest.cells(CliRun.fdtget(host, "x", "/soc/gsx_ipmmu_pv" + pv + "_domd", "iommus")));
			assertArrayEquals(new long[] { ph, 1 }, GenerateExampleTest.cells(CliRun.fdtget(host, "x", "/soc/gsx_ipmmu_pv" + pv + "_doma", "iommus")));
			assertTrue(CliRun.tool(out, "fdtget", "-p", host.toString(), "/soc/gsx_ipmmu_pv" + pv + "_doma").contains("xen,passthrough"));
			assertEquals("/soc/gsx_ipmmu_pv" + pv + "_doma", CliRun.fdtget(doma, "s", "/passthrough/gsx_ipmmu_pv" + pv + "_doma", "xen,path"));
			assertEquals("/soc/gsx_ipmmu_pv" + pv + "_domd", CliRun.fdtget(domd, "s", "/passthrough/gsx_ipmmu_pv" + pv + "_domd", "xen,path"));
		}
		String layout = Files.readString(out.resolve("layout.yaml"));
		assertTrue(layout.contains("guest_address: " + 0xfd000000L), layout);
	}

	@Test
	void anXlGuestGetsThePageOfItsBankAsIomemAndItsStreamNodesAsDtdevWithoutIrqs() throws Exception {
		Path system = tmp.resolve("osid.tess");
		Files.writeString(system, """
				system shared on rcar-h3-salvator-xs {
					xen 4.17 { console scif2 image "xen" max 4M cmdline "xsm=dummy" }
					domain dom0 control { memory 512M kernel "Image" max 40M }
					domain guest xl { memory 512M kernel "/guest/Image" }
					gpu gpu hardware host dom0 { guest guest osid 1 }
				}
				""");
		Path out = tmp.resolve("out");
		CliRun run = CliRun.of("generate", system.toString(), "-o", out.toString());
		assertEquals(0, run.exit, run.err);
		String cfg = Files.readString(out.resolve("xl/guest.cfg"));
		assertTrue(cfg.contains("iomem = [ \"fd010,1@fd000\" ]"), cfg);
		assertTrue(cfg.contains("dtdev = [ \"/soc/gsx_ipmmu_pv0_guest\", \"/soc/gsx_ipmmu_pv1_guest\", \"/soc/gsx_ipmmu_pv2_guest\", "
				+ "\"/soc/gsx_ipmmu_pv3_guest\" ]"), cfg);
		assertFalse(cfg.contains("irqs"), cfg);
		// dom0 hosts the GPU: it keeps it, so the host tree does not hide it
		String props = CliRun.tool(out, "fdtget", "-p", out.resolve("host.dtb").toString(), "/soc/gsx@fd000000");
		assertFalse(props.contains("xen,passthrough"), props);
	}

	@Test
	void anOsidWhoseBankLiesOutsideTheGpuRegistersIsRefused() throws Exception {
		Path system = tmp.resolve("osid2.tess");
		Files.writeString(system, """
				system shared on rcar-h3-salvator-xs {
					xen 4.17 { console scif2 image "xen" max 4M }
					domain dom0 control { memory 512M kernel "Image" max 40M }
					domain guest xl { memory 512M kernel "/guest/Image" }
					gpu gpu hardware host dom0 { guest guest osid 4 }
				}
				""");
		CliRun run = CliRun.of("check", system.toString());
		assertEquals(1, run.exit, run.out + run.err);
		String all = run.out + run.err;
		assertTrue(all.contains("osid2.tess:5:"), all);
		assertTrue(all.contains("[gpu.osid-window]") && all.contains("0xfd040000-0xfd040fff") && all.contains("0xfd000000-0xfd03ffff"), all);
	}
}
