package dev.tessera.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Bad device trees give diagnostics naming the file, line and node — never an exception escaping the importer. */
class BadInputTest {
	static List<DtDiagnostic> diagnostics(String file) {
		ImportException e = assertThrows(ImportException.class, () -> Fixtures.importBoard("bad/" + file));
		assertFalse(e.diagnostics().isEmpty());
		e.diagnostics().forEach(d -> assertTrue(d.isError(), d.format()));
		return e.diagnostics();
	}

	static DtDiagnostic only(String file) {
		List<DtDiagnostic> d = diagnostics(file);
		assertEquals(1, d.size(), d.toString());
		return d.get(0);
	}

	@Test
	void malformedSourceNamesFileLineAndNode() {
		DtDiagnostic d = only("syntax.dts");
		assertTrue(d.file().endsWith("bad/syntax.dts"), d.format());
		assertEquals(9, d.line(), d.format());
		assertEquals("/serial@1000", d.node(), d.format());
		assertTrue(d.message().contains("syntax error"), d.format());
	}

	@Test
	void missingPreprocessorInclude() {
		DtDiagnostic d = only("missing-include.dts");
		assertTrue(d.file().endsWith("bad/missing-include.dts"), d.format());
		assertEquals(2, d.line());
		assertEquals("/", d.node());
		assertTrue(d.message().contains("no-such-soc.dtsi") && d.message().contains("cannot be found"), d.format());
	}

	@Test
	void missingDtcInclude() {
		DtDiagnostic d = only("missing-dtc-include.dts");
		assertTrue(d.file().endsWith("bad/missing-dtc-include.dts"), d.format());
		assertEquals(7, d.line(), d.format());
		assertTrue(d.message().contains("no-such-fragment.dtsi"), d.format());
	}

	@Test
	void inconsistentCells() {
		DtDiagnostic d = only("inconsistent-cells.dts");
		assertTrue(d.file().endsWith("bad/inconsistent-cells.dts"), d.format());
		assertEquals(15, d.line(), "the line of reg: " + d.format());
		assertEquals("/soc/serial@1000", d.node());
		assertTrue(d.message().contains("1 address + 1 size cells"), d.format());
	}

	@Test
	void unresolvableInterruptParent() {
		DtDiagnostic d = only("unresolved-interrupt-parent.dts");
		assertTrue(d.file().endsWith("bad/unresolved-interrupt-parent.dts"), d.format());
		assertEquals(17, d.line(), d.format());
		assertEquals("/serial@1000", d.node());
		assertTrue(d.message().contains("0x4242") && d.message().contains("cannot be resolved"), d.format());
	}

	@Test
	void interruptsThatDoNotFitTheirParentsCells() {
		DtDiagnostic d = only("wrong-interrupt-cells.dts");
		assertEquals(18, d.line(), d.format());
		assertEquals("/serial@1000", d.node());
		assertTrue(d.message().contains("3-cell specifiers"), d.format());
	}

	@Test
	void unknownLabel() {
		DtDiagnostic d = only("unknown-label.dts");
		assertTrue(d.file().endsWith("bad/unknown-label.dts"), d.format());
		assertEquals(4, d.line(), "dtc names the node's line: " + d.format());
		assertEquals("/serial@1000", d.node());
		assertTrue(d.message().contains("no_such_clock"), d.format());
	}

	@Test
	void notABlob() {
		DtDiagnostic d = only("garbage.dtb");
		assertTrue(d.message().contains("not a flattened device tree"), d.format());
	}

	@Test
	void missingFile() {
		DtDiagnostic d = only("does-not-exist.dts");
		assertTrue(d.message().contains("no such file"), d.format());
	}

	@Test
	void questionableButReadableTreesImportWithWarnings() throws Exception {
		var r = Fixtures.importBoard("warnings.dts");
		List<String> w = r.warnings().stream().map(DtDiagnostic::format).toList();
		assertEquals(4, w.size(), w.toString());
		assertTrue(w.get(0).matches(".*warnings.dts:12: warning: node /cpus/cpu: the CPU has no reg.*"), w.get(0));
		assertTrue(w.stream().anyMatch(s -> s.matches(".*warnings.dts:32: warning: node /serial@1000: SPI 5 has trigger flags 3.*")), w.toString());
		assertTrue(w.stream().anyMatch(s -> s.matches(".*warnings.dts:33: warning: node /serial@1000: clocks refers to /oscillator, which has no #clock-cells")), w.toString());
		assertTrue(w.stream().anyMatch(s -> s.matches(".*warnings.dts:25: warning: node /oscillator: a fixed clock needs its rate in clock-frequency.*")), w.toString());
		assertTrue(r.board().getDevices().get(0).getClocks().isEmpty());
		assertTrue(r.board().getFixedClocks().isEmpty(), "a fixed clock without a rate is left out");
		assertFalse(r.board().getClusters().get(0).getCpus().get(0).isSetMpidr());
		assertFalse(r.boardText().contains("mpidr"), r.boardText());
	}

	@Test
	void formatNamesFileLineAndNode() {
		assertEquals("a.dts:3: error: node /x: bad", DtDiagnostic.error(new SourceLocation("a.dts", 3), "/x", "bad").format());
	}

	@Test
	void aMissingToolIsAnErrorOnTheInputThatNamesItsDebianPackage() {
		DtDiagnostic d = DtcReader.notInstalled("board.dts", new dev.tessera.process.ProgramNotInstalledException("cpp", "cpp", null));
		assertEquals("board.dts: error: cpp is not installed (Debian package cpp; scripts/install-tools.sh installs it)", d.format());
	}
}
