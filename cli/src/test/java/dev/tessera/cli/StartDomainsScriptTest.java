package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dom0's start script for the cockpit: it names the boot domains that serve or use PV devices (init-dom0less
 * calls them dom0less-<id>), and only those, before it attaches Android's devices; sh itself parses it.
 */
class StartDomainsScriptTest {
	@TempDir
	Path tmp;

	@Test
	void onlyDomainsThatServeOrUsePvDevicesAreRenamedBeforeTheAttachLines() throws Exception {
		Path out = CliRun.generated("examples/ivi/rcar-h3-cockpit.tess", tmp.resolve("cockpit"));
		Path script = out.resolve("xl/start-domains.sh");
		String text = Files.readString(script);
		int domd = text.indexOf("xl rename \"dom0less-1\" \"domd\"");
		int doma = text.indexOf("xl rename \"dom0less-2\" \"doma\"");
		int attach = text.indexOf("xl block-attach \"doma\"");
		assertTrue(domd > 0 && doma > domd && attach > doma, text);
		assertFalse(text.contains("\"cluster\""), "the cluster has no PV device and keeps init-dom0less's name: " + text);
		CliRun.tool(out, "sh", "-n", script.toString());
	}
}
