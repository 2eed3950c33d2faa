package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.tessera.core.xen.Systems;
import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * Generates the shipped IVI example and reads every artifact back with the real tools: dtc and fdtget for the
 * device trees, mkimage for the boot script. Expected values come from the system model, not from copies.
 */
class GenerateExampleTest {
	static final Path EXAMPLE = CliRun.root().resolve("examples/ivi/cockpit.tess");
	@TempDir
	static Path tmp;
	static Path out;
	static System system;
	static JsonNode manifest;

	@BeforeAll
	static void generate() throws Exception {
		out = tmp.resolve("ivi");
		CliRun run = CliRun.of("generate", EXAMPLE.toString(), "-o", out.toString());
		assertEquals(0, run.exit, run.err);
		system = (System) new ModelLoader().load(EXAMPLE).model().getElements().get(0);
		manifest = new ObjectMapper(new YAMLFactory()).readTree(out.resolve("manifest.yaml").toFile());
	}

	@Test
	void hostDtbCarriesXenCommandLineForTheConsoleAndDom0() {
		Path dtb = out.resolve("host.dtb");
		String bootargs = CliRun.fdtget(dtb, "s", "/chosen", "xen,xen-bootargs");
		Domain dom0 = Systems.dom0(system).orElseThrow();
		assertTrue(bootargs.contains("dtuart=" + system.getXen().getConsole().getDtPath()), bootargs);
		assertTrue(bootargs.contains("dom0_mem=" + dom0.getMemory() / (1024 * 1024) + "M"), bootargs);
		assertTrue(bootargs.contains("dom0_max_vcpus=" + dom0.getVcpus()), bootargs);
		assertEquals(dom0.getCmdline(), CliRun.fdtget(dtb, "s", "/chosen/dom0-kernel", "bootargs"));
	}

	@Test
	void everyBootDomainHasItsNodeWithMemoryAndCpusFromTheSystem() {
		Path dtb = out.resolve("host.dtb");
		List<String> chosenChildren = Arrays.asList(CliRun.tool(dtb.getParent(), "fdtget", "-l", dtb.toString(), "/chosen").split("\\s+"));
		for (Domain d : Systems.bootDomains(system)) {
			assertTrue(chosenChildren.contains(d.getName()), d.getName() + " not in " + chosenChildren);
			String node = "/chosen/" + d.getName();
			assertEquals("xen,domain", CliRun.fdtget(dtb, "s", node, "compatible"));
			long[] mem = cells(CliRun.fdtget(dtb, "x", node, "memory"));
			assertEquals(d.getMemory() / 1024, (mem[0] << 32) | mem[1], "memory in KiB of " + d.getName());
			assertEquals(d.getVcpus(), cells(CliRun.fdtget(dtb, "x", node, "cpus"))[0]);
		}
		// dom0less domains are numbered in tree order: declaration order must be kept
		List<String> order = chosenChildren.stream().filter(n -> Systems.bootDomains(system).stream().anyMatch(d -> d.getName().equals(n))).toList();
		assertEquals(Systems.bootDomains(system).stream().map(Domain::getName).toList(), order);
	}

	@Test
	void moduleRegsMatchTheManifestAndNeverOverlap() {
		Path dtb = out.resolve("host.dtb");
		Map<String, JsonNode> byName = new java.util.HashMap<>();
		manifest.get("domains").forEach(d -> byName.put(d.get("name").asText(), d));
		for (Domain d : Systems.bootDomains(system)) {
			JsonNode kernel = byName.get(d.getName()).get("modules").get(0);
			long[] reg = cells(CliRun.fdtget(dtb, "x", "/chosen/" + d.getName() + "/kernel", "reg"));
			assertEquals(kernel.get("address").asLong(), (reg[0] << 32) | reg[1]);
			assertEquals(kernel.get("size").asLong(), (reg[2] << 32) | reg[3]);
		}
		List<long[]> loads = Stream.of(manifest.get("boot").get("loads")).flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
				.map(n -> new long[] { n.get("address").asLong(), n.get("size").asLong() }).toList();
		for (int i = 0; i < loads.size(); i++)
			for (int j = i + 1; j < loads.size(); j++)
				assertFalse(loads.get(i)[0] < loads.get(j)[0] + loads.get(j)[1] && loads.get(j)[0] < loads.get(i)[0] + loads.get(i)[1],
						"modules " + i + " and " + j + " overlap");
	}

	@Test
	void staticMemoryDirectMapCpupoolAndPassthroughReachTheDtb() {
		Path dtb = out.resolve("host.dtb");
		long[] mem = cells(CliRun.fdtget(dtb, "x", "/chosen/cluster", "xen,static-mem"));
		assertEquals(0x70000000L, (mem[0] << 32) | mem[1]);
		assertEquals(64L << 20, (mem[2] << 32) | mem[3]);
		CliRun.fdtget(dtb, "x", "/chosen/cluster", "direct-map");
		assertEquals("null", CliRun.fdtget(dtb, "s", "/chosen/cpupool-rt", "cpupool-sched"));
		// the pool names CPU 1 by phandle, and the domain names the pool by phandle
		long cpu1 = cells(CliRun.fdtget(dtb, "x", "/cpus/cpu@1", "phandle"))[0];
		assertEquals(cpu1, cells(CliRun.fdtget(dtb, "x", "/chosen/cpupool-rt", "cpupool-cpus"))[0]);
		long pool = cells(CliRun.fdtget(dtb, "x", "/chosen/cpupool-rt", "phandle"))[0];
		assertEquals(pool, cells(CliRun.fdtget(dtb, "x", "/chosen/cluster", "domain-cpupool"))[0]);
		CliRun.fdtget(dtb, "x", "/pl061@9030000", "xen,passthrough");
	}

	@Test
	void partialDeviceTreeMapsTheDeviceOneToOneAndIsPadded() throws Exception {
		Path dtb = out.resolve("passthrough/ivi.dtb");
		assertEquals(65536, Files.size(dtb), "padded to the size the plan reserved");
		assertEquals("/pl061@9030000", CliRun.fdtget(dtb, "s", "/passthrough/pl061@9030000", "xen,path"));
		long[] xenReg = cells(CliRun.fdtget(dtb, "x", "/passthrough/pl061@9030000", "xen,reg"));
		assertEquals(0x9030000L, xenReg[1]);
		assertEquals(0x9030000L, xenReg[5], "guest address equals host address");
		CliRun.fdtget(dtb, "x", "/passthrough/pl061@9030000", "xen,force-assign-without-iommu");
	}

	@Test
	void bootScriptIsWrappedByMkimageAndBootsXen() throws Exception {
		String listing = CliRun.tool(out, "mkimage", "-l", out.resolve("boot.scr").toString());
		assertTrue(listing.contains("Script"), listing);
		String cmd = Files.readString(out.resolve("boot.cmd"));
		String xenAddr = "0x" + Long.toHexString(manifest.get("boot").get("xen").get("address").asLong());
		assertTrue(cmd.contains("booti " + xenAddr + " - ${fdt_addr}"), cmd);
		for (Domain d : Systems.bootDomains(system)) assertTrue(cmd.contains("fdt mknod /chosen \"" + d.getName() + "\""));
		// the script's payload is boot.cmd itself
		byte[] scr = Files.readAllBytes(out.resolve("boot.scr"));
		assertTrue(new String(scr, java.nio.charset.StandardCharsets.UTF_8).contains(cmd.substring(0, 40)));
	}

	@Test
	void uefiConfigNamesDom0AndTheDtb() throws Exception {
		String cfg = Files.readString(out.resolve("uefi/xen.cfg"));
		Domain dom0 = Systems.dom0(system).orElseThrow();
		assertTrue(cfg.contains("kernel=" + dom0.getKernel().getPath() + " " + dom0.getCmdline()), cfg);
		assertTrue(cfg.contains("dtb=host.dtb"), cfg);
		Path dtb = out.resolve("uefi/host.dtb");
		assertEquals("ivi.dtb", CliRun.fdtget(dtb, "s", "/chosen/ivi/device-tree", "xen,uefi-binary"));
	}

	@Test
	void xlConfigForEachXlDomain() throws Exception {
		for (Domain d : system.getDomains()) {
			Path cfg = out.resolve("xl/" + d.getName() + ".cfg");
			assertEquals(Systems.startOf(d) == Start.XL, Files.exists(cfg), d.getName());
			if (!Files.exists(cfg)) continue;
			String text = Files.readString(cfg);
			assertTrue(text.contains("name = \"" + d.getName() + "\""));
			assertTrue(text.contains("memory = " + d.getMemory() / (1024 * 1024)));
		}
	}

	@Test
	void manifestListsEveryArtifactWithItsHash() throws Exception {
		List<String> listed = Stream.of(manifest.get("artifacts")).flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
				.map(n -> n.get("path").asText()).toList();
		try (Stream<Path> files = Files.walk(out)) {
			List<String> actual = files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
					.filter(p -> !p.equals("manifest.yaml")).sorted().collect(Collectors.toList());
			assertEquals(actual, listed);
		}
		for (JsonNode a : manifest.get("artifacts")) {
			String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(Files.readAllBytes(out.resolve(a.get("path").asText()))));
			assertEquals(sha, a.get("sha256").asText(), a.get("path").asText());
		}
	}

	@Test
	void sameInputGivesTheSameBytes() throws Exception {
		Path again = tmp.resolve("again");
		assertEquals(0, CliRun.of("generate", EXAMPLE.toString(), "-o", again.toString()).exit);
		try (Stream<Path> files = Files.walk(out)) {
			for (Path f : files.filter(Files::isRegularFile).toList())
				assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(out.relativize(f))), f.toString());
		}
	}

	static long[] cells(String fdtgetHex) {
		return Arrays.stream(fdtgetHex.trim().split("\\s+")).filter(s -> !s.isEmpty()).mapToLong(s -> Long.parseLong(s, 16)).toArray();
	}
}
