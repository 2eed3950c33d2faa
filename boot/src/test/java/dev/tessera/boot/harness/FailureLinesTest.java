package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.qemu.BootResult;
import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.boot.qemu.QemuRunner;

/**
 * A boot stops at once at exactly the failure kinds of the marker registry (and at Xen's and Linux's crashes): each
 * line below is printed by a fake QEMU, and the runner must stop at it, or not, as the harness's boots do.
 */
class FailureLinesTest {
	@TempDir
	Path tmp;

	@Test
	void theHarnessFailsOnExactlyTheRegistrysFailureKinds() {
		QemuBoot boot = SystemBooter.failingOn(QemuBoot.direct(Path.of("xen"), Path.of("host.dtb"))).build();
		assertEquals(MarkerKind.failures(), boot.failureMarkers());
		assertEquals(SystemBooter.CRASHES, boot.failurePatterns());
	}

	@Test
	void eachFailureLineEndsTheBootAndNothingElseDoes() throws IOException {
		// every line that ended a boot before the registry, and lines that never did
		List<String> failing = List.of("(XEN) Panic on CPU 0:", "[ 1.0] Kernel panic - not syncing", "Unable to handle kernel paging request",
				"(XEN) Reboot in five seconds...", "TESS-XLN name=dom0 failed x.cfg bad", "TESS-XLA name=dom0 failed a01-block x",
				"TESS-XLCREATE name=dom0 failed guest", "(XEN) DOM2: TESS-NETERR name=guest eth0 absent",
				"TESS-BRIFERR name=domd xenbr0 could not be made", "TESS-START name=dom0 failed: guest is an invalid domain identifier",
				"TESS-STARTERR name=dom0 domain 1 does not serve after 150 s", "(XEN) DOM1: TESS-XSERR name=domd late=yes no xenstore after 150 s");
		List<String> passing = List.of("TESS-XLN name=dom0 ok x.cfg", "TESS-XLCREATE name=dom0 ok guest", "TESS-START name=dom0 ok",
				"TESS-XL name=dom0 failed xenstored", "TESS-DEVD name=domd failed xl devd", "TESS-XLERR name=dom0 ps: xl",
				"TESS-STARTLOG name=dom0 init-dom0less: failed", "TESS-DISK name=guest xvda absent");
		int n = 0;
		for (String line : failing) {
			BootResult r = run("f" + n++, line);
			assertEquals(BootResult.Outcome.FAILURE_SEEN, r.outcome(), line + "\n" + r.describe());
			assertEquals(line, r.failure().orElseThrow());
		}
		for (String line : passing) {
			BootResult r = run("p" + n++, line);
			assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), line + "\n" + r.describe());
		}
	}

	/** A fake QEMU prints the line, then the marker the boot waits for, then sleeps. */
	private BootResult run(String name, String line) throws IOException {
		Path fake = tmp.resolve(name + ".sh");
		Files.writeString(fake, "#!/bin/bash\nlog=\n"
				+ "while [ $# -gt 0 ]; do if [ \"$1\" = -serial ]; then log=\"${2#file:}\"; shift; fi; shift; done\n"
				+ "printf '%s\\n' '" + line + "' >> \"$log\"\nsleep 0.3\necho 'TESS-DONE name=dom0' >> \"$log\"\nexec sleep 60\n");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
		QemuBoot boot = SystemBooter.failingOn(QemuBoot.direct(Path.of("xen"), Path.of("host.dtb")).qemuBinary(fake.toString()))
				.expect(ExpectedMarker.done("dom0")).timeout(Duration.ofSeconds(20)).build();
		return new QemuRunner(Duration.ofMillis(50), 20, Duration.ofSeconds(2)).run(boot, tmp.resolve(name));
	}
}
