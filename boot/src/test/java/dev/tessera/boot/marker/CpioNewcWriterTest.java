package dev.tessera.boot.marker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.process.ExternalProgram;
import dev.tessera.boot.testing.TestHost;

class CpioNewcWriterTest {

	static byte[] sample() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (CpioNewcWriter w = new CpioNewcWriter(bytes)) {
			w.directory("bin", 0755);
			w.file("bin/hello", 0755, "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
			w.symlink("bin/hi", "hello");
			w.file("odd", 0644, new byte[] {1, 2, 3}); // size not a multiple of 4
			w.directory("dev", 0755);
			w.characterDevice("dev/console", 0600, 5, 1);
		}
		return bytes.toByteArray();
	}

	@Test
	void headersAreNewcAndEverythingIsFourByteAligned() throws IOException {
		byte[] a = sample();
		String s = new String(a, StandardCharsets.ISO_8859_1);
		assertTrue(s.startsWith("070701"));
		assertEquals(0, a.length % 4);
		assertTrue(s.contains("TRAILER!!!"));
		// every header starts at a multiple of 4
		int i = -1;
		int headers = 0;
		while ((i = s.indexOf("070701", i + 1)) >= 0) {
			assertEquals(0, i % 4, "header at " + i);
			headers++;
		}
		assertEquals(7, headers); // six entries and the trailer
	}

	@Test
	void gnuCpioExtractsWhatWasWritten(@TempDir Path tmp) throws IOException {
		TestHost.requireCommands("cpio");
		Path archive = tmp.resolve("a.cpio");
		Files.write(archive, sample());
		Path out = Files.createDirectories(tmp.resolve("x"));
		// list: device nodes cannot be made by every user, so extract only the rest
		ExternalProgram sh = new ExternalProgram("sh", "dash").withTimeout(Duration.ofSeconds(30));
		String list = sh.run(out, "-c", "cpio -it < " + archive).requireSuccess().output();
		assertTrue(list.contains("dev/console") && list.contains("bin/hi"), list);
		sh.run(out, "-c", "cpio -idm --quiet bin bin/hello bin/hi odd < " + archive).requireSuccess();
		assertEquals("#!/bin/sh\necho hi\n", Files.readString(out.resolve("bin/hello")));
		assertTrue(Files.isExecutable(out.resolve("bin/hello")));
		assertTrue(Files.isSymbolicLink(out.resolve("bin/hi")));
		assertEquals("hello", Files.readSymbolicLink(out.resolve("bin/hi")).toString());
		assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.resolve("odd")));
	}

	@Test
	void duplicateNamesAreRefused() throws IOException {
		try (CpioNewcWriter w = new CpioNewcWriter(new ByteArrayOutputStream())) {
			w.directory("bin", 0755);
			assertThrows(IllegalArgumentException.class, () -> w.directory("/bin", 0755));
		}
	}
}
