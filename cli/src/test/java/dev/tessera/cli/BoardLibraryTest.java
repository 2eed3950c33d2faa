package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.model.Board;

/**
 * Every board of the shipped library passes tessera check, its device tree compiles with dtc, and (where the board
 * has RAM) a minimal system on it generates: the board's tree with Xen's /chosen compiles.
 */
class BoardLibraryTest {
	/** Xen's console on each board: the UART its device tree's stdout-path names. */
	static final Map<String, String> CONSOLE = Map.of("qemu-virt", "uart0", "qemu-virt-efi", "uart0", "qemu-virt-arm32", "uart0",
			"rcar-h3-salvator-xs", "scif2", "dra7-evm", "uart1", "exynos5250-arndale", "serial_2", "zcu102", "uart0",
			"imx8qm-mek", "lpuart0", "rpi4", "uart1");
	@TempDir
	Path tmp;

	static List<String> boards() throws Exception {
		return Files.readAllLines(CliRun.root().resolve("boards/library.txt")).stream().map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("boards")
	void checksCompilesAndCarriesASystem(String name) throws Exception {
		Path file = CliRun.root().resolve("boards/" + name + ".tess");
		CliRun check = CliRun.of("check", file.toString());
		assertEquals(0, check.exit, check.err);
		assertFalse(check.err.contains("error"), check.err);

		Board board = (Board) new ModelLoader().load(file).model().getElements().get(0);
		assertEquals(name, board.getName());
		Path dts = file.resolveSibling(board.getDeviceTree());
		CliRun.tool(tmp, "dtc", "-q", "-I", "dts", "-O", "dtb", "-o", tmp.resolve(name + ".dtb").toString(), dts.toString());
		assertFalse(board.getSources().isEmpty(), "the board says where its facts come from");

		if (board.getRam().isEmpty()) return; // rpi4: the firmware fills in its RAM
		// the tree's stdout-path UART where known, else the board's first enabled UART
		String console = CONSOLE.getOrDefault(name, board.getDevices().stream()
				.filter(d -> d.getKind() == dev.tessera.model.DeviceKind.UART && !d.isDisabled()).map(d -> d.getName()).findFirst().orElse(null));
		assertNotNull(console, "board " + name + " has no enabled UART for Xen's console");
		Path sys = tmp.resolve("sys.tess");
		Files.writeString(sys, "system s on " + name + " {\n  xen 4.17 { console " + console + " image \"xen\" max 4M }\n"
				+ "  domain dom0 control { os linux memory 256M vcpus 1 kernel \"Image\" max 32M }\n}\n");
		CliRun run = CliRun.of("generate", sys.toString(), "-o", tmp.resolve("out").toString());
		assertEquals(0, run.exit, run.err);
		assertTrue(Files.isRegularFile(tmp.resolve("out/host.dtb")));
	}
}
