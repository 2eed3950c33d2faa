package dev.tessera.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tessera.model.Board;
import dev.tessera.model.Device;

/** A device is a bus master from facts of its node, each written into the board with its reason; nothing from names. */
class BusMasteringTest {
	static BoardImporter.Result result;
	static Board board;

	@BeforeAll
	static void importFixture() throws Exception {
		result = Fixtures.importBoard("bus-masters.dts");
		board = result.board();
	}

	/** The board's text with wrapped comments joined again. */
	static String text() {
		return Fixtures.unwrapped(result.boardText());
	}

	static Device device(String path) {
		return board.getDevices().stream().filter(d -> path.equals(d.getDtPath())).findFirst().orElseThrow(() -> new AssertionError(path));
	}

	@Test
	void aDeviceBehindAnIommuMastersTheBus() {
		assertTrue(device("/ethernet@5000").isDma());
		assertTrue(text().contains("// bus master: iommus: /iommu@1000"), result.boardText());
	}

	@Test
	void aDmaControllerMastersTheBusAndARouterDoesNot() {
		assertTrue(device("/dma-controller@2000").isDma());
		assertTrue(text().contains("// bus master: a DMA controller (#dma-cells)"), result.boardText());
		assertFalse(device("/dma-router@3000").isDma());
		assertTrue(device("/dma-router@3000").isNoDma(), "known not to: no-dma");
		assertTrue(text().contains("// not a bus master: a DMA request router (dma-masters, bindings/dma/dma-router.yaml): "
				+ "/dma-controller@2000 do the transfers"), result.boardText());
	}

	@Test
	void aDmaClientIsNotABusMasterAndNamesItsController() {
		assertFalse(device("/serial@4000").isDma());
		assertTrue(text().contains("// DMA: a client of /dma-controller@2000 (dmas): that controller masters the bus"),
				result.boardText());
	}

	@Test
	void aBindingOfTheTableMastersTheBusWithItsSource() {
		assertTrue(device("/hvs@6000").isDma());
		assertTrue(text().contains("// bus master: \"brcm,bcm2711-hvs\": scans framebuffers out of memory "
				+ "(bindings/display/brcm,bcm2835-hvs.yaml;"), result.boardText());
	}

	@Test
	void aPciHostAndADmaCoherentDeviceMasterTheBus() {
		assertTrue(device("/pcie@8000").isDma());
		assertTrue(device("/accel@9000").isDma());
		assertTrue(text().contains("// bus master: dma-coherent"), result.boardText());
	}

	/** The HDMI encoder used to be DMA by its name; no fact says it masters the bus. */
	@Test
	void noFactMeansNeitherFlagAndTheHeaderSaysUnknownIsNotNo() {
		assertFalse(device("/hdmi@7000").isDma());
		assertFalse(device("/hdmi@7000").isNoDma(), "unknown is not 'no-dma'");
		assertTrue(text().replace("\n//  ", "").contains("A device with neither is unknown"), result.boardText());
	}

	@Test
	void everyRowOfTheTableNamesItsBindingAndWhatItDoes() {
		for (BusMastering.Binding b : BusMastering.TABLE) {
			assertFalse(b.compatibles().isEmpty());
			assertTrue(b.source().contains("bindings/") || b.source().contains("QEMU"), b.source());
			assertFalse(b.what().isBlank());
		}
		List<String> all = BusMastering.TABLE.stream().flatMap(b -> b.compatibles().stream()).toList();
		assertEquals(all.size(), all.stream().distinct().count(), "a compatible is in one row");
	}

	/** DMA is a device-tree fact now: a shipped board that drops it has drifted from upstream. */
	@Test
	void aBoardThatDropsAFactualDmaFlagHasDrifted() {
		Board shipped = org.eclipse.emf.ecore.util.EcoreUtil.copy(board);
		shipped.getDevices().stream().filter(d -> "/hvs@6000".equals(d.getDtPath())).findFirst().orElseThrow().setDma(false);
		assertEquals(List.of("+ device /hvs@6000 dma"), BoardFacts.drift(shipped, board));
	}
}
