package dev.tessera.dsl.parsing;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.dsl.load.ModelLoader;
import dev.tessera.dsl.scoping.BoardLibrary;
import dev.tessera.model.Board;
import dev.tessera.model.Domain;
import dev.tessera.model.System;

/** What the language accepts: literals, names, imports and the shipped board library. */
class LanguageTest {
	@TempDir
	Path tmp;
	final ModelLoader loader = new ModelLoader();

	ModelLoader.Loaded load(String name, String text) throws Exception {
		Path p = tmp.resolve(name);
		Files.writeString(p, text);
		return loader.load(p);
	}

	@Test
	void sizesHexAndCpuListsBecomeNumbers() throws Exception {
		var l = load("s.tess", """
				// a comment
				system s on qemu-virt { /* block comment */
				  xen 4.17 { console uart0 image "xen" max 4M }
				  domain dom0 control { memory 512M kernel "Image" max 0x2000000 }
				  domain g xl { memory 1G vcpus 2 pin 0-1 kernel "Image" max 1MiB }
				  domain s at-boot { memory 2048K static at 0x7000_0000 kernel "z" max 65536 }
				}
				""");
		assertFalse(l.hasErrors(), l.diagnostics().toString());
		System s = (System) l.model().getElements().get(0);
		Domain dom0 = s.getDomains().get(0), g = s.getDomains().get(1), st = s.getDomains().get(2);
		assertEquals(512L << 20, dom0.getMemory());
		assertEquals(0x2000000L, dom0.getKernel().getMaxSize());
		assertEquals(1L << 30, g.getMemory());
		assertEquals(1L << 20, g.getKernel().getMaxSize());
		assertEquals(0, g.getPin().get(0).getFirst());
		assertEquals(1, g.getPin().get(0).getLast());
		assertEquals(2L << 20, st.getMemory());
		assertEquals(0x70000000L, st.getStaticMemory().get(0).getBase());
		assertEquals(65536L, st.getKernel().getMaxSize());
	}

	@Test
	void shippedBoardNeedsNoImportAndResolvesDevices() throws Exception {
		assertTrue(BoardLibrary.names().contains("qemu-virt"));
		var l = load("lib.tess", "system s on qemu-virt { xen 4.17 { console uart0 } domain dom0 control { memory 64M kernel \"I\" max 1M } }");
		assertFalse(l.hasErrors(), l.diagnostics().toString());
		System s = (System) l.model().getElements().get(0);
		assertEquals("qemu-virt", s.getBoard().getName());
		assertEquals("/pl011@9000000", s.getXen().getConsole().getDtPath());
	}

	@Test
	void importByRelativePathAndByLibraryName() throws Exception {
		Files.writeString(tmp.resolve("myboard.tess"), """
				board my-board { arch arm32 device-tree "my.dts" cluster c { cpu cpu0 path "/cpus/cpu@0" } ram r 0x80000000 size 512M
				  device serial0 uart { path "/serial@1000" reg 0x1000 size 4K } }
				""");
		var l = load("sys.tess", "import \"myboard.tess\"\nimport \"qemu-virt\"\nsystem s on my-board { xen 4.17 { console serial0 } }");
		assertFalse(l.hasErrors(), l.diagnostics().toString());
		Board b = ((System) l.model().getElements().get(0)).getBoard();
		assertEquals("arm32", b.getArch().getLiteral());
	}

	@Test
	void keywordsCanBeNamesAndCaretEscapesAnyKeyword() throws Exception {
		var l = load("k.tess", """
				system s on qemu-virt {
				  domain android at-boot { memory 64M kernel "I" max 1M }
				  domain ^system at-boot { memory 64M kernel "I" max 1M }
				}
				""");
		assertTrue(l.diagnostics().stream().noneMatch(d -> d.ruleId().equals("syntax")), l.diagnostics().toString());
		System s = (System) l.model().getElements().get(0);
		assertEquals("android", s.getDomains().get(0).getName());
		assertEquals("system", s.getDomains().get(1).getName());
	}

	@Test
	void stringEscapesAreDecoded() throws Exception {
		var l = load("e.tess", "system s on qemu-virt { domain d at-boot { memory 64M kernel \"I\" max 1M cmdline \"a=\\\"b c\\\" d\\\\e\" } }");
		Domain d = ((System) l.model().getElements().get(0)).getDomains().get(0);
		assertEquals("a=\"b c\" d\\e", d.getCmdline());
	}

	@Test
	void defaultsFollowTheLanguageReference() throws Exception {
		var l = load("d.tess", "system s on qemu-virt { domain d { memory 64M kernel \"I\" max 1M } }");
		Domain d = ((System) l.model().getElements().get(0)).getDomains().get(0);
		assertEquals(1, d.getVcpus());
		assertTrue(d.isVuart());
		assertEquals(dev.tessera.model.Start.BOOT, dev.tessera.core.xen.Systems.startOf(d));
	}

	/** A long list's element has EMF's own fragment, also after the list changed, and the fragment finds it again. */
	@Test
	void fragmentsOfLongListsAreEmfs() throws Exception {
		StringBuilder b = new StringBuilder("board many { arch aarch64 cluster c { cpu cpu0 path \"/cpus/cpu@0\" } ram r 0x40000000 size 1G\n");
		for (int i = 0; i < 100; i++)
			b.append("  device d").append(i).append(" { path \"/soc/d@").append(i).append("\" reg 0x").append(Integer.toHexString(0x10000000 + i * 0x1000))
					.append(" size 4K clocks \"/clk\" }\n");
		var l = load("many.tess", b.append("}\n").toString());
		assertFalse(l.hasErrors(), l.diagnostics().toString());
		var resource = l.resource();
		assertInstanceOf(dev.tessera.dsl.load.TesseraResource.class, resource);
		Board board = (Board) l.model().getElements().get(0);
		assertFragmentsAreEmfs(resource);
		assertEquals("//@elements.0/@devices.99", resource.getURIFragment(board.getDevices().get(99)));
		// the list changes: the positions are worked out again
		board.getDevices().move(0, 99);
		board.getDevices().remove(50);
		assertFragmentsAreEmfs(resource);
		assertEquals("//@elements.0/@devices.0", resource.getURIFragment(board.getDevices().get(0)));
		assertEquals("d99", board.getDevices().get(0).getName());
	}

	static void assertFragmentsAreEmfs(org.eclipse.emf.ecore.resource.Resource resource) {
		int n = 0;
		for (var it = resource.getAllContents(); it.hasNext(); n++) {
			var o = (org.eclipse.emf.ecore.InternalEObject) it.next();
			// EMF's fragment: each container's own segment for what it holds, up to the root
			StringBuilder expected = new StringBuilder();
			var x = o;
			for (var c = x.eInternalContainer(); c != null; x = c, c = x.eInternalContainer())
				expected.insert(0, "/" + c.eURIFragmentSegment(x.eContainingFeature(), x));
			expected.insert(0, "/");
			String fragment = resource.getURIFragment(o);
			assertEquals(expected.toString(), fragment);
			assertSame(o, resource.getEObject(fragment));
		}
		assertTrue(n > 200, "elements: " + n);
	}
}
