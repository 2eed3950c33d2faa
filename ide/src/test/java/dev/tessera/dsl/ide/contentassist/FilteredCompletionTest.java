package dev.tessera.dsl.ide.contentassist;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.tessera.dsl.ide.server.InProcessServer;

/** Completion proposes only the names a rule would accept at the cursor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilteredCompletionTest {
	static final String BOARD = """
			board local {
				arch aarch64
				cluster c0 cortex-a53 {
					cpu cpu0 mpidr 0x0
					cpu cpu1 mpidr 0x1
				}
				ram bank0 0x40000000 size 1G
				gic v3 { reg 0x8000000 size 0x10000, 0x80a0000 size 0xf60000 }
				device uart0 uart { path "/uart@9000000" compatible "arm,pl011" reg 0x9000000 size 4K irq spi 1 level-high }
				device uart1 uart { path "/uart@9001000" compatible "arm,pl011" reg 0x9001000 size 4K irq spi 2 level-high }
				device uart2 uart { path "/uart@9002000" compatible "arm,pl011" reg 0x9002000 size 4K irq spi 3 level-high disabled }
				device gpio0 gpio { path "/gpio@9030000" compatible "arm,pl061" reg 0x9030000 size 4K irq spi 7 level-high }
				device gpio1 gpio { path "/gpio@9031000" compatible "arm,pl061" reg 0x9031000 size 4K irq spi 8 level-high }
			}
			""";
	static final String SYSTEM = """
			import "local.tess"
			system s on local {
				xen 4.21 {
					console uart0
				}
				domain dom0 control {
					os linux
					memory 512M
					kernel "Image" max 40M
				}
				domain drv driver at-boot {
					os linux
					memory 256M
					kernel "Image" max 40M
					passthrough gpio0
				}
				domain app at-boot {
					os linux
					memory 256M
					kernel "Image" max 40M
					passthrough uart1
					vif from dom0
				}
			}
			""";
	InProcessServer ls;

	@BeforeAll
	void start() throws Exception {
		ls = InProcessServer.start(Map.of("local.tess", BOARD));
		ls.edit("s.tess", SYSTEM);
	}

	@AfterAll
	void stop() {
		ls.close();
	}

	List<String> labels(List<CompletionItem> items) {
		return items.stream().map(CompletionItem::getLabel).toList();
	}

	@Test
	void passthroughOffersOnlyEnabledDevicesNobodyElseHas() throws Exception {
		// after "passthrough " in app: uart0 is Xen's console, uart2 disabled, gpio0 drv's, uart1 app's own
		List<String> names = labels(ls.complete("s.tess", "passthrough uart1", "passthrough ".length()));
		assertTrue(names.contains("gpio1"), names.toString());
		for (String no : List.of("uart0", "uart2", "gpio0")) assertFalse(names.contains(no), no + " in " + names);
	}

	@Test
	void overAnExistingItemItsOwnDeviceIsStillOffered() throws Exception {
		// the cursor on "gpio0" of drv's passthrough: that item is being replaced, so gpio0 fits
		List<String> names = labels(ls.complete("s.tess", "passthrough gpio0", "passthrough ".length()));
		assertTrue(names.containsAll(List.of("gpio0", "gpio1")), names.toString());
		assertFalse(names.contains("uart1"), names.toString());
	}

	@Test
	void consoleOffersOnlyEnabledUartsNoDomainHas() throws Exception {
		List<String> names = labels(ls.complete("s.tess", "console uart0", "console ".length()));
		assertTrue(names.contains("uart0"), names.toString());
		for (String no : List.of("uart1", "uart2", "gpio0", "gpio1")) assertFalse(names.contains(no), no + " in " + names);
	}

	@Test
	void fromOffersDriverDomainsAndDom0NotGuestsNorItself() throws Exception {
		List<String> names = labels(ls.complete("s.tess", "vif from dom0", "vif from ".length()));
		assertTrue(names.containsAll(List.of("dom0", "drv")), names.toString());
		assertFalse(names.contains("app"), names.toString());
	}
}
