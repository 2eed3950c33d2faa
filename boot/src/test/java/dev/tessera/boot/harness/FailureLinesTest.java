package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;
import dev.tessera.boot.qemu.BootResult;
import dev.tessera.boot.qemu.FailureLine;
import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.boot.qemu.QemuRunner;

/**
 * A boot stops at once at exactly the failure kinds of the marker registry, at Xen's and Linux's crashes, at Xen's
 * errors in building the domains, at dom0 lost when the system has one, and on the U-Boot route at U-Boot's errors
 * ({@link FailureLines}): each line below is printed by a fake QEMU, and the runner must stop at it, or not, as the
 * harness's boots do. Whole serial logs of real boots, replayed, show both: a clean boot passes, a vacuous one fails
 * at its first error.
 */
class FailureLinesTest {
	@TempDir
	Path tmp;

	@Test
	void theHarnessFailsOnTheRegistrysFailureKindsAndTheCatalogue() {
		QemuBoot boot = SystemBooter.failingOn(QemuBoot.direct(Path.of("xen"), Path.of("host.dtb")), true, true).build();
		assertEquals(MarkerKind.failures(), boot.failureMarkers());
		assertEquals(FailureLines.of(true, true), boot.failureLines());
		assertTrue(boot.failureLines().contains(FailureLines.DOM0LESS_MODE));
		QemuBoot noDom0Direct = SystemBooter.failingOn(QemuBoot.direct(Path.of("xen"), Path.of("host.dtb")), false, false).build();
		assertTrue(!noDom0Direct.failureLines().contains(FailureLines.DOM0LESS_MODE), "without dom0, dom0less mode is the plan");
		assertTrue(noDom0Direct.failureLines().stream().noneMatch(f -> f.where() == FailureLine.Where.UBOOT), "no U-Boot, no U-Boot errors");
		for (FailureLine f : FailureLines.of(true, true)) assertTrue(!f.source().isEmpty(), f + " says where its program prints it");
	}

	@Test
	void eachFailureLineEndsTheBootAndNothingElseDoes() throws IOException {
		// a U-Boot line counts only before U-Boot hands over; a Xen line only in Xen's own words
		String uboot = "U-Boot 2023.01+dfsg-2+deb12u3 (Oct 1 2024)";
		List<List<String>> failing = List.of(
				// crashes
				List.of("(XEN) Panic on CPU 0:"), List.of("[ 1.0] Kernel panic - not syncing"), List.of("Unable to handle kernel paging request"),
				List.of("(XEN) Reboot in five seconds..."),
				// failure markers
				List.of("TESS-XLN name=dom0 failed x.cfg bad"), List.of("TESS-XLA name=dom0 failed a01-block x"),
				List.of("(XEN) DOM2: TESS-NETERR name=guest eth0 absent"), List.of("TESS-BRIFERR name=domd xenbr0 could not be made"),
				List.of("TESS-START name=dom0 failed: guest is an invalid domain identifier"),
				List.of("(XEN) DOM1: TESS-SERVE name=domd failed: no xen-blkback: cannot serve"),
				List.of("(XEN) DOM1: TESS-XSERR name=domd late=yes no xenstore after 150 s"),
				List.of("(XEN) DOM1: TESS-GPIOERR name=io 9030000.pl061 present but no driver bound it"),
				// Xen's errors (real lines of 4.17 and 4.20 boots)
				List.of("(XEN) Couldn't find node /pl061@9030000 in host_dt!"), List.of("(XEN) Failed to assign device to d1"),
				List.of("(XEN) Device tree generation failed (-22)."), List.of("(XEN) Could not set up domain io (rc = -22)"),
				List.of("(XEN) Unable to copy the DTB to d1 memory (left = 512 bytes)"), List.of("(XEN) d1: failed to acquire static memory: -2."),
				List.of("(XEN) Xen dom0less mode detected"),
				// the reasons of two panics, alone (in a boot "Panic on CPU" comes first)
				List.of("(XEN) At the moment, Xenstore support requires dom0 to be present"), List.of("(XEN) Could not set up domains evtchn"),
				// U-Boot's errors, while it runs the script
				List.of(uboot, "syntax error"), List.of(uboot, "Unknown command 'fdtx' - try 'help'"),
				List.of(uboot, "libfdt fdt_path_offset() returned FDT_ERR_NOTFOUND"), List.of(uboot, "libfdt fdt_setprop(): FDT_ERR_NOSPACE"),
				List.of(uboot, "Bad Linux ARM64 Image magic!"), List.of(uboot, "zimage: Bad magic!"),
				List.of(uboot, "Wrong Image Format for bootm command"), List.of(uboot, "TFTP error: 'File not found' (1)"));
		List<List<String>> passing = List.of(
				List.of("TESS-XLN name=dom0 ok x.cfg"), List.of("TESS-START name=dom0 ok"), List.of("TESS-XL name=dom0 failed xenstored"),
				List.of("TESS-SERVE name=domd ok at 31s"), List.of("TESS-XLERR name=dom0 xenconsoled: x"),
				List.of("TESS-STARTLOG name=dom0 init-dom0less: failed"), List.of("TESS-DISK name=guest xvda absent"),
				List.of("(XEN) DOM1: TESS-GPIO name=io 9030000.pl061 bound pl061_gpio gpiochip504 ngpio=8 line0=0"),
				// a domain's own words, relayed by Xen, are not Xen's
				List.of("(XEN) DOM1: [    1.2] xen: Unable to find something the guest may lack"),
				List.of("(XEN) DOM1: Failed to assign device, said the guest"),
				// U-Boot's words after it handed over are a guest's
				List.of(uboot, "Starting kernel ...", "sh: syntax error: unexpected \")\""),
				List.of(uboot, "Starting kernel ...", "Unknown command 'x'"));
		int n = 0;
		for (List<String> lines : failing) {
			BootResult r = run("f" + n++, lines, true);
			assertEquals(BootResult.Outcome.FAILURE_SEEN, r.outcome(), lines + "\n" + r.describe());
			assertEquals(lines.get(lines.size() - 1), r.failure().orElseThrow());
		}
		for (List<String> lines : passing) {
			BootResult r = run("p" + n++, lines, true);
			assertEquals(BootResult.Outcome.ALL_SEEN, r.outcome(), lines + "\n" + r.describe());
		}
		// dom0less mode is the plan of a system without dom0
		assertEquals(BootResult.Outcome.ALL_SEEN, run("nodom0", List.of("(XEN) Xen dom0less mode detected"), false).outcome());
	}

	@Test
	void aCleanBootsWholeLogPassesAndVacuousBootsFailAtTheirFirstError() throws IOException {
		// negative control: Debian's Xen 4.17, dom0-two-domus through U-Boot, every domain up
		BootResult clean = replay("clean-4.17-dom0-two-domus-uboot.log", true, "dom0", "domU1", "domU2");
		assertEquals(BootResult.Outcome.ALL_SEEN, clean.outcome(), clean.describe());
		// Xen 4.17, passthrough-gpio through U-Boot before acpi=off: U-Boot could not mark the PL061 (QEMU left it out of
		// its tree), Xen could not assign it and went on; every domain came up, yet nothing was passed through
		BootResult vacuous = replay("vacuous-4.17-passthrough-gpio-uboot.log", true, "dom0", "io");
		assertEquals(BootResult.Outcome.FAILURE_SEEN, vacuous.outcome(), vacuous.describe());
		assertEquals("libfdt fdt_path_offset() returned FDT_ERR_NOTFOUND", vacuous.failure().orElseThrow());
		// Xen 4.20 with dom0's kernel shared with the domUs (U-Boot's fdt mknod order): dom0's module dropped, dom0 lost
		BootResult lost = replay("dom0-lost-4.20-dom0-two-domus-uboot.log", true, "domU1", "domU2");
		assertEquals(BootResult.Outcome.FAILURE_SEEN, lost.outcome(), lost.describe());
		assertEquals("(XEN) Xen dom0less mode detected", lost.failure().orElseThrow());
	}

	/** Replays a recorded serial log through a fake QEMU, waiting for the domains' TESS-DONE. */
	private BootResult replay(String log, boolean dom0, String... domains) throws IOException {
		List<String> lines = new ArrayList<>();
		try (InputStream in = FailureLinesTest.class.getResourceAsStream(log)) {
			new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).lines().forEach(lines::add);
		}
		Path fake = fakeQemu(log, lines);
		QemuBoot.Builder b = SystemBooter.failingOn(QemuBoot.direct(Path.of("xen"), Path.of("host.dtb")).qemuBinary(fake.toString()), dom0, true);
		for (String d : domains) b.expect(ExpectedMarker.done(d));
		return new QemuRunner(Duration.ofMillis(50), 20, Duration.ofSeconds(2)).run(b.timeout(Duration.ofSeconds(20)).build(), tmp.resolve(log));
	}

	/** A fake QEMU prints the lines, then the marker the boot waits for, then sleeps. */
	private BootResult run(String name, List<String> lines, boolean dom0) throws IOException {
		List<String> all = new ArrayList<>(lines);
		all.add("TESS-DONE name=dom0");
		Path fake = fakeQemu(name, all);
		QemuBoot boot = SystemBooter.failingOn(QemuBoot.direct(Path.of("xen"), Path.of("host.dtb")).qemuBinary(fake.toString()), dom0, true)
				.expect(ExpectedMarker.done("dom0")).timeout(Duration.ofSeconds(20)).build();
		return new QemuRunner(Duration.ofMillis(50), 20, Duration.ofSeconds(2)).run(boot, tmp.resolve(name));
	}

	private Path fakeQemu(String name, List<String> lines) throws IOException {
		Path text = tmp.resolve(name + ".txt");
		Files.write(text, lines, java.nio.charset.StandardCharsets.ISO_8859_1);
		Path fake = tmp.resolve(name + ".sh");
		Files.writeString(fake, "#!/bin/bash\nlog=\n"
				+ "while [ $# -gt 0 ]; do if [ \"$1\" = -serial ]; then log=\"${2#file:}\"; shift; fi; shift; done\n"
				+ "cat '" + text + "' >> \"$log\"\nexec sleep 60\n");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
		return fake;
	}
}
