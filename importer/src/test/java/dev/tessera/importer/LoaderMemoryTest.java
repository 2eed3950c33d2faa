package dev.tessera.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.model.Board;
import dev.tessera.model.ReservedRegion;

/** The memory the boot loader occupies comes from what the source says, or the board says it is missing. */
class LoaderMemoryTest {
	@Test
	void qemuVirtGetsItsDeviceTreeAndUBootRelocationAreas() throws Exception {
		Board b = Fixtures.importBoard("virt.dts").board();
		List<ReservedRegion> loader = b.getReserved().stream().filter(ReservedRegion::isLoader).toList();
		assertEquals(List.of("fdt-uboot 0x40000000 2M", "fdt-direct 0x48000000 2M", "uboot-reloc 0xbc000000 64M"),
				loader.stream().map(r -> r.getName() + " " + BoardWriter.hex(r.getBase()) + " " + BoardWriter.size(r.getSize())).toList());
		assertTrue(loader.stream().allMatch(r -> r.getNote() != null && !r.getNote().isBlank()));
	}

	@Test
	void aKernelTreeBoardGetsNoneAndARemarkNamingTheRule() throws Exception {
		BoardImporter.Result r = Fixtures.importBoard("board.dts");
		assertTrue(r.board().getReserved().stream().noneMatch(ReservedRegion::isLoader));
		assertTrue(Fixtures.unwrapped(r.boardText()).contains("'tessera check' warns (board.loader-memory)"), r.boardText());
	}
}
