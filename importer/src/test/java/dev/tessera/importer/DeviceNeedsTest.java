package dev.tessera.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tessera.model.Board;
import dev.tessera.model.Device;

/** What a device's driver needs beside it comes from its node's links (and its sub-nodes'), each written with the link. */
class DeviceNeedsTest {
	static BoardImporter.Result result;
	static Board board;

	@BeforeAll
	static void importFixture() throws Exception {
		result = Fixtures.importBoard("needs.dts");
		board = result.board();
	}

	static Device device(String path) {
		return board.getDevices().stream().filter(d -> path.equals(d.getDtPath())).findFirst().orElseThrow(() -> new AssertionError(path));
	}

	static List<String> needs(String path) {
		return device(path).getNeeds().stream().map(Device::getDtPath).toList();
	}

	@Test
	void aDisplayUnitNeedsItsVspsAndCmmsAndAVspItsFcp() {
		assertEquals(List.of("/vsp@2000", "/cmm@3000"), needs("/display@4000"));
		assertEquals(List.of("/fcp@1000"), needs("/vsp@2000"));
		assertTrue(Fixtures.unwrapped(result.boardText()).contains("// needs: renesas,vsps -> vspd0; renesas,cmms -> cmm0"), result.boardText());
	}

	@Test
	void theDmaControllerOfASubNodeIsNeededByTheDevice() {
		// R-Car sound names its DMA channels in ssi-N sub-nodes, which have no compatible of their own
		assertEquals(List.of("/dma-controller@5000"), needs("/sound@6000"));
	}

	@Test
	void aPrimeCellSlaveIsKnownNotToMasterTheBusAndNeedsNothing() {
		assertTrue(device("/gpio@7000").isNoDma());
		assertTrue(needs("/gpio@7000").isEmpty());
	}
}
