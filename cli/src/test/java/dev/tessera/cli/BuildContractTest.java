package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a product build relies on: the files searched where it says, what was read recorded, make told when to rerun. */
class BuildContractTest {
	@TempDir
	Path tmp;

	Path system() throws Exception {
		Path s = tmp.resolve("sys/s.tess");
		Files.createDirectories(s.getParent());
		Files.writeString(s, """
				system s on qemu-virt {
					xen 4.17 { console uart0 image "xen" max 4M }
					domain dom0 control { memory 256M kernel "Image" max 40M }
				}
				""");
		return s;
	}

	@Test
	void bootFilesAreSearchedInTheFoldersInOrderAndANamedFileWins() throws Exception {
		Path s = system();
		Path a = Files.createDirectories(tmp.resolve("a")), b = Files.createDirectories(tmp.resolve("b"));
		Files.write(a.resolve("xen"), new byte[1000]);
		Files.write(b.resolve("xen"), new byte[2000]);
		Files.write(b.resolve("Image"), new byte[3000]);
		Path other = Files.write(tmp.resolve("Image-6.1"), new byte[4000]);
		CliRun r = CliRun.of("generate", s.toString(), "-o", tmp.resolve("out").toString(), "--files", a.toString(), "--files", b.toString());
		assertEquals(0, r.exit, r.err);
		String manifest = Files.readString(tmp.resolve("out/manifest.yaml"));
		assertTrue(manifest.contains("path: " + a.resolve("xen")), "the first folder's xen:\n" + manifest);
		assertTrue(manifest.contains("path: " + b.resolve("Image")), "Image only in the second:\n" + manifest);
		CliRun named = CliRun.of("generate", s.toString(), "-o", tmp.resolve("out2").toString(), "--files", a.toString(), "--files", b.toString(),
				"--file", "Image=" + other);
		assertEquals(0, named.exit, named.err);
		assertTrue(Files.readString(tmp.resolve("out2/manifest.yaml")).contains("path: " + other), "the named file wins");
	}

	@Test
	void aFilesFolderThatDoesNotExistIsAnError() throws Exception {
		CliRun r = CliRun.of("generate", system().toString(), "-o", tmp.resolve("out").toString(), "--files", tmp.resolve("depoly").toString());
		assertEquals(Main.USAGE, r.exit);
		assertTrue(r.err.contains("--files " + tmp.resolve("depoly") + ": no such folder"), r.err);
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void theManifestRecordsTesseraAndEveryInputWithItsDigest() throws Exception {
		Path s = system();
		assertEquals(0, CliRun.of("generate", s.toString(), "-o", tmp.resolve("out").toString()).exit);
		String manifest = Files.readString(tmp.resolve("out/manifest.yaml"));
		assertTrue(manifest.contains("tessera_version: 0.1.0-SNAPSHOT"), manifest);
		assertTrue(manifest.contains("- path: s.tess\n  kind: tess\n  sha256: " + RunInputsDigest.of(s)), manifest);
		assertTrue(manifest.contains("- path: tessera:boards/qemu-virt.tess\n  kind: tess"), manifest);
		assertTrue(manifest.contains("- path: tessera:boards/qemu-virt.dts\n  kind: device-tree"), manifest);
	}

	@Test
	void makeRerunsTesseraWhenAnInputChangesAndOnlyThen() throws Exception {
		Path s = system();
		Path out = tmp.resolve("out"), dep = tmp.resolve("out.d");
		assertEquals(0, CliRun.of("generate", s.toString(), "-o", out.toString(), "-d", dep.toString()).exit);
		String d = Files.readString(dep);
		assertTrue(d.contains(out.resolve("boot.scr") + " \\") && d.contains(s.toString()), d);
		// a Makefile that includes it, with a recipe for the manifest: GNU make's -q answers whether it is up to date
		Path target = out.resolve("manifest.yaml");
		Files.writeString(tmp.resolve("Makefile"), "include out.d\n" + target + ":\n\t@echo regenerate\n");
		assertEquals(0, make(target), "just generated: up to date");
		Files.setLastModifiedTime(s, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
		assertEquals(1, make(target), "the system file changed: make reruns Tessera");
	}

	private int make(Path target) throws Exception {
		Process p = new ProcessBuilder("make", "-q", "-f", "Makefile", target.toString()).directory(tmp.toFile()).redirectErrorStream(true).start();
		p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		return p.exitValue();
	}

	/** sha256 of a file, as the manifest writes it. */
	static final class RunInputsDigest {
		static String of(Path p) throws Exception {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
		}
	}
}
