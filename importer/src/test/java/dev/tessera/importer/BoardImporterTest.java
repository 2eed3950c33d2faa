package dev.tessera.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.model.Arch;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.Iommu;
import dev.tessera.model.IommuKind;
import dev.tessera.model.IrqType;
import dev.tessera.model.Trigger;

/** What the importer reads from a kernel-style tree (macros, includes, labels, overrides, deletions, nested buses). */
class BoardImporterTest {
	static BoardImporter.Result result;
	static Board board;

	@BeforeAll
	static void importFixture() throws Exception {
		result = Fixtures.importBoard("board.dts");
		board = result.board();
	}

	static Device device(String path) {
		return board.getDevices().stream().filter(d -> path.equals(d.getDtPath())).findFirst()
				.orElseThrow(() -> new AssertionError("no device " + path + " in " + board.getDevices().stream().map(Device::getDtPath).toList()));
	}

	@Test
	void cpusAndClustersComeFromCpuMap() {
		assertEquals(Arch.AARCH64, board.getArch());
		assertEquals(2, board.getClusters().size());
		var c0 = board.getClusters().get(0);
		assertEquals("cluster0", c0.getName());
		assertEquals("cortex-a53", c0.getCoreType());
		assertEquals(List.of("a53_0", "a53_1"), c0.getCpus().stream().map(c -> c.getName()).toList());
		assertEquals(0x1L, c0.getCpus().get(1).getMpidr());
		var c1 = board.getClusters().get(1);
		assertEquals("cortex-a72", c1.getCoreType());
		assertEquals(0x100L, c1.getCpus().get(0).getMpidr());
		assertEquals("/cpus/cpu@100", c1.getCpus().get(0).getDtPath());
	}

	@Test
	void memoryReservedMemoryAndGic() {
		assertEquals(1, board.getRam().size());
		assertEquals(0x40000000L, board.getRam().get(0).getBase());
		assertEquals(0x80000000L, board.getRam().get(0).getSize());
		assertEquals("/memory@40000000", board.getRam().get(0).getDtPath());
		var fw = board.getReserved().get(0);
		assertEquals("fw", fw.getName());
		assertEquals(0x50000000L, fw.getBase());
		assertEquals(0x100000L, fw.getSize());
		assertEquals(2, board.getGic().getVersion());
		assertEquals("/soc/interrupt-controller@f000", board.getGic().getDtPath());
		assertEquals(0x1000f000L, board.getGic().getRegs().get(0).getBase(), "the GIC's reg goes through /soc's ranges");
		assertEquals(0x2000L, board.getGic().getRegs().get(1).getSize());
	}

	@Test
	void registersAreTranslatedThroughEveryBus() {
		assertEquals(0x10200000L, device("/soc/serial@200000").getRegs().get(0).getBase());
		assertEquals(0x10800100L, device("/soc/bus@800000/keys@100").getRegs().get(0).getBase(), "two levels of ranges");
		assertEquals(0x10L, device("/soc/bus@800000/keys@100").getRegs().get(0).getSize());
		assertTrue(board.getDevices().stream().noneMatch(d -> d.getDtPath().contains("pmic")), "an I2C client has no physical address");
	}

	@Test
	void interruptsAreDecodedPerTheirParent() {
		Device uart = device("/soc/serial@200000");
		assertEquals(1, uart.getIrqs().size());
		assertEquals(IrqType.SPI, uart.getIrqs().get(0).getType());
		assertEquals(33, uart.getIrqs().get(0).getNumber());
		assertEquals(Trigger.LEVEL_HIGH, uart.getIrqs().get(0).getTrigger());
		Device timer = device("/timer");
		assertEquals(DeviceKind.TIMER, timer.getKind());
		assertEquals(IrqType.PPI, timer.getIrqs().get(1).getType());
		assertEquals(14, timer.getIrqs().get(1).getNumber());
		assertEquals(Trigger.LEVEL_LOW, timer.getIrqs().get(1).getTrigger());
		assertEquals(Trigger.EDGE_RISING, device("/soc/rtc@900000").getIrqs().get(0).getTrigger(), "from the /include/d fragment");
		assertEquals(50, device("/soc/gpu@500000").getIrqs().get(0).getNumber(), "interrupts-extended");
		Device keys = device("/soc/bus@800000/keys@100");
		assertTrue(keys.getIrqs().isEmpty());
		assertEquals("/soc/gpio@400000", keys.getInterruptsVia().get(0).getProvider(), "a GPIO interrupt is not a GIC number");
		assertEquals(List.of(7L, 2L), keys.getInterruptsVia().get(0).getCells());
	}

	@Test
	void overridesDeletionsAndDependencies() {
		Device uart = device("/soc/serial@200000");
		assertFalse(uart.isDisabled(), "&uart1 { status = \"okay\"; } overrides the .dtsi");
		assertEquals("uart1", uart.getName());
		assertEquals(DeviceKind.UART, uart.getKind());
		assertEquals("/clock-controller@9000000", uart.getClocks().get(0).getProvider());
		assertEquals(List.of(5L), uart.getClocks().get(0).getCells());
		assertTrue(uart.getPowerDomains().get(0).getCells().isEmpty());
		assertEquals(List.of(5L), uart.getResets().get(0).getCells());
		assertTrue(board.getDevices().stream().noneMatch(d -> d.getDtPath().contains("scratch")), "/delete-node/ &gone");
	}

	@Test
	void fixedClocksAndClockNames() {
		assertEquals(List.of("osc", "clock-fast"), board.getFixedClocks().stream().map(c -> c.getName()).toList(),
				"the disabled fixed clock is left out: Linux does not register it");
		var osc = board.getFixedClocks().get(0);
		assertEquals("/oscillator", osc.getDtPath());
		assertEquals(24000000L, osc.getFrequency());
		assertEquals(0, osc.getCells());
		assertEquals(List.of("osc24m"), osc.getOutputNames());
		assertEquals(5000000000L, board.getFixedClocks().get(1).getFrequency(), "a 64-bit clock-frequency");
		assertTrue(board.getFixedClocks().get(1).getOutputNames().isEmpty());
		Device uart = device("/soc/serial@200000");
		assertEquals(List.of("/clock-controller@9000000", "/oscillator"), uart.getClocks().stream().map(r -> r.getProvider()).toList());
		assertEquals(List.of("fck", "apb_pclk"), uart.getClockNames());
		assertTrue(device("/soc/ethernet@300000").getClockNames().isEmpty());
		assertTrue(board.getDevices().stream().noneMatch(d -> d.getDtPath().equals("/oscillator")), "a clock is not a device");
		assertTrue(result.boardText().contains("\tclock osc fixed 24000000 path \"/oscillator\" outputs \"osc24m\"\n"), result.boardText());
		assertTrue(result.boardText().contains("\t\tclock-names \"fck\", \"apb_pclk\"\n"), result.boardText());
		assertTrue(BoardFacts.of(board).contains("clock /oscillator fixed 24000000 cells 0 outputs [osc24m]"), BoardFacts.of(board).toString());
		assertTrue(BoardFacts.of(board).contains("device /soc/serial@200000 clock-names [fck, apb_pclk]"), BoardFacts.of(board).toString());
	}

	@Test
	void iommuCoverageAndGpuRecognition() {
		Iommu smmu = board.getIommus().get(0);
		assertEquals(IommuKind.SMMU_V2, smmu.getKind());
		assertEquals("/soc/iommu@100000", smmu.getDtPath());
		assertEquals(List.of("/soc/ethernet@300000"), smmu.getCovers().stream().map(Device::getDtPath).toList());
		assertTrue(device("/soc/ethernet@300000").isDma());
		assertFalse(device("/soc/serial@200000").isDma());
		Device gpu = device("/soc/gpu@500000");
		assertEquals(DeviceKind.GPU, gpu.getKind());
		assertTrue(gpu.getNote().contains("Arm Mali-T604"), gpu.getNote());
	}

	@Test
	void writtenBoardReadsBackWithTheSameFacts(@TempDir Path tmp) throws Exception {
		Path tess = tmp.resolve("test-board.tess");
		Files.writeString(tess, result.boardText());
		Files.writeString(tmp.resolve("test-board.dts"), result.deviceTree());
		var loaded = new ModelLoader().load(tess);
		assertFalse(loaded.hasErrors(), loaded.diagnostics() + "\n" + result.boardText());
		Board back = (Board) loaded.model().getElements().get(0);
		assertEquals(List.of(), BoardFacts.drift(board, back));
		assertTrue(result.boardText().contains("path \"/soc/serial@200000\""), "every fact names its path");
		assertTrue(result.boardText().contains("behind an IOMMU, safe for any domain (1):"), result.boardText());
	}

	@Test
	void namesThatAreKeywordsAreEscaped() throws Exception {
		var grammar = ModelLoader.injector().getInstance(org.eclipse.xtext.IGrammarAccess.class).getGrammar();
		var keywords = org.eclipse.xtext.GrammarUtil.getAllKeywords(grammar);
		var r = new BoardImporter(java.util.Set.of("uart1")).importBoard(new BoardImporter.Request(Fixtures.DIR.resolve("board.dts"),
				List.of(Fixtures.INCLUDE), "test-board", "test-board.dts", List.of(), null));
		assertTrue(r.boardText().contains("device ^uart1 uart {"), "a keyword of the language is escaped");
		assertTrue(r.boardText().contains("device ^timer timer {"));
		for (String k : keywords)
			if (k.matches("[a-z][a-z0-9-]*")) assertTrue(Names.written(k, keywords).startsWith("^"), k);
	}

	@Test
	void deviceTreeIsSelfContainedAndCompiles(@TempDir Path tmp) throws Exception {
		String dts = result.deviceTree();
		assertFalse(dts.contains("#include"));
		assertFalse(dts.contains("/include/"));
		assertTrue(dts.contains("rtc@900000"), "the /include/d fragment is in");
		Path f = tmp.resolve("board.dts");
		Files.writeString(f, dts);
		Process p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", tmp.resolve("board.dtb").toString(), f.toString())
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertEquals(0, p.waitFor(), out);
	}

	@Test
	void blobsAreReadToo(@TempDir Path tmp) throws Exception {
		Path dts = tmp.resolve("flat.dts"), dtb = tmp.resolve("flat");
		Files.writeString(dts, result.deviceTree());
		Process p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb.toString(), dts.toString()).start();
		assertEquals(0, p.waitFor());
		// no .dtb extension: recognised by its magic number, like /sys/firmware/fdt
		var fromBlob = new BoardImporter().importBoard(new BoardImporter.Request(dtb, List.of(), "test-board", "test-board.dts", List.of(), null));
		assertEquals(List.of(), BoardFacts.drift(board, fromBlob.board()));
	}
}
