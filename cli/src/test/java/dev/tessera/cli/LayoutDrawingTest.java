package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** layout.svg is well-formed SVG that draws every domain and backend link; the drawing in docs/ is the real one. */
class LayoutDrawingTest {
	@TempDir
	Path tmp;

	@Test
	void theTabletDrawingShowsEveryDomainAndBackendAndMatchesTheDocs() throws Exception {
		Path out = tmp.resolve("tablet");
		assertEquals(0, CliRun.of("generate", CliRun.root().resolve("examples/tablet/nexus10.tess").toString(), "-o", out.toString()).exit);
		Path svg = out.resolve("layout.svg");
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
		assertEquals("svg", doc.getDocumentElement().getTagName());
		String text = doc.getDocumentElement().getTextContent();
		for (String d : new String[] { "domd", "android1", "android2" }) assertTrue(text.contains(d), d);
		// one arrow per frontend: each Android has a disk, a display, touch input and sound from domd
		assertEquals(8, doc.getElementsByTagName("line").getLength());
		assertEquals(Files.readString(CliRun.root().resolve("docs/images/nexus10-layout.svg")), Files.readString(svg),
				"regenerate docs/images/nexus10-layout.svg from examples/tablet/nexus10.tess");
	}

	@Test
	void theCockpitDrawingInTheDocsIsTheRealOne() throws Exception {
		Path out = tmp.resolve("cockpit");
		assertEquals(0, CliRun.of("generate", CliRun.root().resolve("examples/ivi/rcar-h3-cockpit.tess").toString(), "-o", out.toString()).exit);
		DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("layout.svg").toFile());
		assertEquals(Files.readString(CliRun.root().resolve("docs/images/rcar-h3-cockpit-layout.svg")), Files.readString(out.resolve("layout.svg")),
				"regenerate docs/images/rcar-h3-cockpit-layout.svg from examples/ivi/rcar-h3-cockpit.tess");
		// the isolation matrix is well-formed SVG and the one docs/outputs/isolation.md shows
		DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("isolation.svg").toFile());
		assertEquals(Files.readString(CliRun.root().resolve("docs/images/rcar-h3-cockpit-isolation.svg")), Files.readString(out.resolve("isolation.svg")),
				"regenerate docs/images/rcar-h3-cockpit-isolation.svg from examples/ivi/rcar-h3-cockpit.tess");
	}
}
