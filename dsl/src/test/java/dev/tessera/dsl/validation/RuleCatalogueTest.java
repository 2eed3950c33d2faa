package dev.tessera.dsl.validation;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.RuleRegistry;
import dev.tessera.dsl.load.ModelLoader;

/**
 * Every rule of the catalogue, broken and fixed: the broken model gets exactly that rule id, with its severity,
 * at the position marked « in the text; the fixed one does not get it. The models run through the same loader
 * and validator the CLI and the editor use.
 */
class RuleCatalogueTest {
	static final String BOARD = """
			board tb {
				arch aarch64
				device-tree "tb.dts"
				cluster little a53 { cpu cpu0 path "/cpus/cpu@0" cpu cpu1 path "/cpus/cpu@1" }
				cluster big a72 { cpu cpu2 path "/cpus/cpu@100" cpu cpu3 path "/cpus/cpu@101" }
				ram bank0 0x40000000 size 1G
				reserved fw 0x7f000000 size 16M
				device uart0 uart { path "/uart@1000" reg 0x1000 size 4K irq spi 1 level-high }
				device uart1 uart { path "/uart@8000" reg 0x8000 size 4K irq spi 8 level-high }
				device gpio0 { path "/gpio@2000" reg 0x2000 size 4K irq spi 2 level-high }
				device dmadev { path "/dma@3000" reg 0x3000 size 4K irq spi 3 level-high dma }
				device safe { path "/safe@4000" reg 0x4000 size 4K irq spi 4 level-high dma }
				device offdev { path "/off@5000" reg 0x5000 size 4K disabled }
				device odd { path "/odd@6000" reg 0x6010 size 0x10 }
				device noreg { path "/noreg" }
				device tmr timer { path "/timer" irq ppi 13 level-high }
				device sh1 { path "/sh1@c000" reg 0xc000 size 4K irq spi 20 level-high }
				device sh2 { path "/sh2@d000" reg 0xd000 size 4K irq spi 20 level-high }
				device spi0dev { path "/z@b000" reg 0xb000 size 4K irq spi 0 level-high }
				device clkc { path "/clk@7000" reg 0x7000 size 4K }
				device clocked { path "/clocked@a000" reg 0xa000 size 4K clocks "/clk@7000" <0x1> }
				iommu smmu smmu-v3 { path "/iommu@9000" reg 0x9000 size 4K covers safe }
			}
			""";

	@TempDir
	static Path tmp;
	static final ModelLoader LOADER = new ModelLoader();

	static String system(String xen, String body) {
		return BOARD + "system s on tb {\n\t" + xen + "\n"
				+ "\tdomain dom0 control { memory 128M kernel \"Image\" max 16M }\n" + body + "\n}\n";
	}

	static final String XEN = "xen 4.17 { console uart0 image \"xen\" max 2M }";

	static Stream<Arguments> cases() {
		return Stream.of(
				c("xen.version", Severity.ERROR, system("xen «4.12 { console uart0 }", ""), system("xen 4.16 { console uart0 }", "")),
				c("xen.version-newer", Severity.WARNING, system("xen «4.30 { console uart0 }", ""), system("xen 4.21 { console uart0 }", "")),
				c("xen.feature", Severity.ERROR,
						system("xen 4.16 { console uart0 }", "domain u at-boot { memory 64M static at 0x50000000 «direct-map kernel \"K\" }"),
						system("xen 4.17 { console uart0 }", "domain u at-boot { memory 64M static at 0x50000000 direct-map kernel \"K\" }")),
				c("xen.console", Severity.ERROR, system("xen 4.17 { console «gpio0 }", ""), system("xen 4.17 { console uart1 }", "")),
				c("domain.name-unique", Severity.ERROR,
						system(XEN, "domain u1 { memory 64M kernel \"K\" }\ndomain «u1 { memory 64M kernel \"K\" }"),
						system(XEN, "domain u1 { memory 64M kernel \"K\" }\ndomain u2 { memory 64M kernel \"K\" }")),
				c("domain.name-valid", Severity.ERROR, system(XEN, "domain «Domain-0 { memory 64M kernel \"K\" }"),
						system(XEN, "domain Domain-1 { memory 64M kernel \"K\" }")),
				c("domain.control-single", Severity.ERROR, system(XEN, "domain c2 «control { memory 64M kernel \"K\" }"),
						system(XEN, "domain c2 driver { memory 64M kernel \"K\" }")),
				c("domain.control-start", Severity.ERROR,
						BOARD + "system s on tb { " + XEN + "\ndomain dom0 control «xl { memory 128M kernel \"K\" } }",
						BOARD + "system s on tb { " + XEN + "\ndomain dom0 control { memory 128M kernel \"K\" } }"),
				c("domain.control-needed", Severity.ERROR, BOARD + "system s on tb { " + XEN + "\ndomain g «xl { memory 64M kernel \"K\" } }",
						BOARD + "system s on tb { " + XEN + "\ndomain g at-boot { memory 64M kernel \"K\" } }"),
				c("domain.kernel", Severity.ERROR, system(XEN, "domain «k { memory 64M }"), system(XEN, "domain k { memory 64M kernel \"K\" }")),
				c("domain.memory", Severity.ERROR, system(XEN, "domain «m { kernel \"K\" }"), system(XEN, "domain m { memory 1M kernel \"K\" }")),
				c("domain.vcpus", Severity.ERROR, system(XEN, "domain v { memory 64M vcpus «0 kernel \"K\" }"),
						system(XEN, "domain v { memory 64M vcpus 2 kernel \"K\" }")),
				c("text.unsafe", Severity.ERROR, system(XEN, "domain t { memory 64M kernel \"K\" cmdline «\"a\tb\" }"),
						system(XEN, "domain t { memory 64M kernel \"K\" cmdline \"a b\" }")),
				c("boot.load-command", Severity.ERROR, system(XEN, "boot { load «\"tftpb; reset\" }"), system(XEN, "boot { load \"load mmc 0:1\" }")),
				c("memory.fits", Severity.ERROR, system(XEN, "domain big { memory 1G kernel \"K\" }").replace("system s", "system «s"),
						system(XEN, "domain big { memory 512M kernel \"K\" }")),
				c("memory.static-size", Severity.ERROR, system(XEN, "domain st { memory «64M static at 0x50000000 size 32M kernel \"K\" }"),
						system(XEN, "domain st { memory 64M static at 0x50000000 size 32M, 0x60000000 size 32M kernel \"K\" }")),
				c("memory.static-in-ram", Severity.ERROR, system(XEN, "domain st { memory 64M static at «0x10000000 kernel \"K\" }"),
						system(XEN, "domain st { memory 64M static at 0x50000000 kernel \"K\" }")),
				c("memory.static-aligned", Severity.ERROR, system(XEN, "domain st { memory 4M static at «0x50000800 kernel \"K\" }"),
						system(XEN, "domain st { memory 4M static at 0x50001000 kernel \"K\" }")),
				c("memory.static-overlap", Severity.ERROR,
						system(XEN, "domain a { memory 64M static at 0x50000000 kernel \"K\" }\ndomain b { memory 64M static at «0x52000000 kernel \"K\" }"),
						system(XEN, "domain a { memory 64M static at 0x50000000 kernel \"K\" }\ndomain b { memory 64M static at 0x54000000 kernel \"K\" }")),
				c("memory.direct-map-static", Severity.ERROR, system(XEN, "domain d { memory 64M «direct-map kernel \"K\" }"),
						system(XEN, "domain d { memory 64M static direct-map kernel \"K\" }")),
				c("memory.static-boot-only", Severity.ERROR, system(XEN, "domain x xl { memory 64M «static kernel \"K\" }"),
						system(XEN, "domain x at-boot { memory 64M static kernel \"K\" }")),
				c("device.passthrough-once", Severity.ERROR,
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough gpio0 }\ndomain b { memory 64M kernel \"K\" passthrough «gpio0 }"),
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough gpio0 }\ndomain b { memory 64M kernel \"K\" }")),
				c("device.xen-owned", Severity.ERROR, system(XEN, "domain a { memory 64M kernel \"K\" passthrough «uart0 }"),
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough uart1 }")),
				c("device.passthrough-described", Severity.ERROR, system(XEN, "domain a { memory 64M kernel \"K\" passthrough «odd }"),
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough gpio0 }")),
				c("device.disabled", Severity.ERROR, system(XEN, "domain a { memory 64M kernel \"K\" passthrough «offdev }"),
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough gpio0 }")),
				c("device.dma-iommu", Severity.ERROR, system(XEN, "domain a { memory 64M kernel \"K\" passthrough «dmadev }"),
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough safe }")),
				c("device.dma-isolation", Severity.WARNING,
						system(XEN, "domain a { memory 64M static at 0x50000000 direct-map kernel \"K\" passthrough «dmadev }"),
						system(XEN, "domain a { memory 64M static at 0x50000000 direct-map kernel \"K\" passthrough safe }")),
				c("device.passthrough-dom0", Severity.WARNING,
						BOARD + "system s on tb { " + XEN + "\ndomain dom0 control { memory 128M kernel \"K\" passthrough «gpio0 } }",
						BOARD + "system s on tb { " + XEN + "\ndomain dom0 control { memory 128M kernel \"K\" } }"),
				c("cpu.exists", Severity.ERROR, system(XEN, "domain x xl { memory 64M kernel \"K\" pin «5 }"),
						system(XEN, "domain x xl { memory 64M kernel \"K\" pin 1 }")),
				c("cpu.pin-duplicate", Severity.ERROR, system(XEN, "domain x xl { memory 64M kernel \"K\" pin 0-1, «1 }"),
						system(XEN, "domain x xl { memory 64M kernel \"K\" pin 0-1 }")),
				c("cpupool.cpu-once", Severity.ERROR, system(XEN, "cpupool p { cpus 1 }\ncpupool q { cpus «1 }"),
						system(XEN, "cpupool p { cpus 1 }")),
				c("cpupool.boot-cpu", Severity.ERROR, system(XEN, "cpupool p { cpus «0-1 }"), system(XEN, "cpupool p { cpus 1 }")),
				c("shm.valid", Severity.ERROR,
						system(XEN, "domain a { memory 64M kernel \"K\" }\ndomain x xl { memory 64M kernel \"K\" }\nshared-memory link { size 16M owner a borrower «x }"),
						system(XEN, "domain a { memory 64M kernel \"K\" }\ndomain x { memory 64M kernel \"K\" }\nshared-memory link { size 16M owner a borrower x at 0x50000000 }")),
				c("cpu.rt-exclusive", Severity.ERROR, system(XEN, "domain «z { os zephyr memory 64M kernel \"K\" }"),
						system(XEN, "cpupool rt { cpus 1 }\ndomain z { os zephyr memory 64M kernel \"K\" pool rt }")),
				c("cpu.rt-boot-cpu", Severity.ERROR, system(XEN, "domain z xl { os zephyr memory 64M kernel \"K\" pin «0 }"),
						system(XEN, "domain z xl { os zephyr memory 64M kernel \"K\" pin 2 }")),
				c("cpu.core-types", Severity.ERROR, system(XEN, "domain x xl { memory 64M kernel \"K\" pin «1-2 }"),
						system(XEN, "domain x xl { memory 64M kernel \"K\" pin 2-3 }")),
				c("cpu.null-vcpus", Severity.WARNING, system(XEN, "cpupool «p { cpus 1 scheduler null }\ndomain u { memory 64M vcpus 2 kernel \"K\" pool p }"),
						system(XEN, "cpupool p { cpus 1 scheduler null }\ndomain u { memory 64M vcpus 1 kernel \"K\" pool p }")),
				c("cpupool.pin-inside", Severity.ERROR, system(XEN, "cpupool p { cpus 1 }\ndomain u { memory 64M kernel \"K\" pool p pin «2 }"),
						system(XEN, "cpupool p { cpus 1 }\ndomain u { memory 64M kernel \"K\" pool p pin 1 }")),
				c("cpupool.empty", Severity.ERROR, system(XEN, "cpupool «p { scheduler null }"), system(XEN, "cpupool p { cpus 1 scheduler null }")),
				c("device.irq-shared", Severity.ERROR,
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough sh1 }\ndomain b { memory 64M kernel \"K\" passthrough «sh2 }"),
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough sh1, sh2 }")),
				c("device.vuart-irq", Severity.ERROR, system(XEN, "domain a { memory 64M kernel \"K\" passthrough «spi0dev }"),
						system(XEN, "domain a { memory 64M kernel \"K\" vuart off passthrough spi0dev }")),
				c("device.dependency-elsewhere", Severity.WARNING, system(XEN, "domain a { memory 64M kernel \"K\" passthrough «clocked }"),
						system(XEN, "domain a { memory 64M kernel \"K\" passthrough clocked, clkc }")),
				c("domain.enhanced-dom0", Severity.ERROR,
						BOARD + "system s on tb { " + XEN + "\ndomain u { memory 64M kernel \"K\" «xen-enhanced } }",
						BOARD + "system s on tb { xen 4.19 { console uart0 }\ndomain u { memory 64M kernel \"K\" xen-enhanced } }"),
				c("cpupool.domain", Severity.ERROR,
						BOARD + "system s on tb { " + XEN + "\ncpupool p { cpus 1 }\ndomain dom0 control { memory 128M kernel \"K\" pool «p } }",
						BOARD + "system s on tb { " + XEN + "\ncpupool p { cpus 1 }\ndomain dom0 control { memory 128M kernel \"K\" }\ndomain u { memory 64M kernel \"K\" pool p } }"));
	}

	static Arguments c(String rule, Severity severity, String bad, String fixed) {
		return Arguments.of(rule, severity, bad, fixed);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void brokenModelGetsTheRuleAtItsPositionAndFixedOneDoesNot(String rule, Severity severity, String bad, String fixed) throws Exception {
		int mark = bad.indexOf('«');
		assertTrue(mark >= 0, "test text marks the expected position with «");
		String text = bad.substring(0, mark) + bad.substring(mark + 1);
		String before = text.substring(0, mark);
		int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
		int col = mark - before.lastIndexOf('\n');

		List<Diagnostic> found = load(rule + "-bad.tess", text);
		List<Diagnostic> hits = found.stream().filter(d -> d.ruleId().equals(rule)).toList();
		assertFalse(hits.isEmpty(), "no [" + rule + "] in " + found);
		Diagnostic d = hits.get(0);
		assertEquals(severity, d.severity(), d.format());
		assertEquals(line + ":" + col, d.line() + ":" + d.column(), d.format());
		assertFalse(found.stream().anyMatch(x -> x.ruleId().equals("syntax") || x.ruleId().equals("link")), found.toString());

		List<Diagnostic> afterFix = load(rule + "-fixed.tess", fixed);
		assertTrue(afterFix.stream().noneMatch(x -> x.ruleId().equals(rule)), afterFix.toString());
		assertTrue(afterFix.stream().noneMatch(x -> x.ruleId().equals("syntax") || x.ruleId().equals("link")), afterFix.toString());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void rulesSurviveHalfWrittenModels(String rule, Severity severity, String bad, String fixed) throws Exception {
		String text = bad.replace("«", "");
		// what the editor sees while the engineer types: the file cut at many points
		for (int cut = BOARD.length(); cut < text.length(); cut += 7) {
			List<Diagnostic> found = load("cut.tess", text.substring(0, cut));
			assertTrue(found.stream().noneMatch(d -> d.ruleId().equals(RuleRegistry.INTERNAL.id())),
					"a rule failed at cut " + cut + ": " + found);
		}
	}

	@Test
	void everyRuleOfTheRegistryIsCoveredHere() {
		List<String> covered = cases().map(a -> (String) a.get()[0]).toList();
		for (var r : RuleRegistry.rules()) assertTrue(covered.contains(r.info().id()), r.info().id() + " has no test case");
	}

	static List<Diagnostic> load(String name, String text) throws Exception {
		Path p = tmp.resolve(name);
		Files.writeString(p, text);
		return LOADER.load(p).diagnostics();
	}
}
