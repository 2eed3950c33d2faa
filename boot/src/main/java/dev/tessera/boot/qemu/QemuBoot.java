package dev.tessera.boot.qemu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;

/**
 * What to boot and what to wait for: the QEMU machine, the route (Xen loaded directly by QEMU, or
 * U-Boot running a boot script), the files put in RAM, the markers expected on the serial console,
 * the lines and the marker kinds that mean failure, and the time limit. Build one with {@link #direct} or
 * {@link #uboot}; {@link #arguments(Path)} is the exact QEMU argument list.
 */
public final class QemuBoot {

	/**
	 * The machine the reference boots were made on: QEMU virt with EL2, GICv3, two Cortex-A57,
	 * 2 GiB, multi-threaded TCG, no display, no default NIC, no monitor. {@code -no-reboot} makes a
	 * Xen panic ("Reboot in five seconds") end QEMU instead of booting again.
	 */
	public static final List<String> DEFAULT_MACHINE = List.of(
			"-machine", "virt,virtualization=on,gic-version=3",
			"-cpu", "cortex-a57",
			"-smp", "2",
			"-m", "2048",
			"-accel", "tcg,thread=multi",
			"-nographic",
			"-net", "none",
			"-monitor", "none",
			"-no-reboot");

	/** Where QEMU's {@code -bios} route finds the DTB it made (U-Boot's {@code fdt_addr}). */
	public static final long UBOOT_FDT_ADDR = 0x40000000L;

	/** A file QEMU copies into guest RAM before start ({@code -device loader,...,force-raw=on}). */
	public record Loader(Path file, long address) {
		public Loader {
			Objects.requireNonNull(file);
		}

		String option() {
			return "loader,file=" + QemuBoot.escape(file.toAbsolutePath().toString())
					+ ",addr=0x" + Long.toHexString(address) + ",force-raw=on";
		}
	}

	public enum Route { DIRECT, UBOOT, UEFI }

	private final Route route;
	private final Path xen;
	private final Path dtb;
	private final Path ubootBin;
	private final Path ubootEnvFlash;
	private final Path tftpDir;
	private final List<Loader> loaders;
	private final List<String> machine;
	private final List<String> extraArgs;
	private final List<ExpectedMarker> expected;
	private final List<FailureLine> failureLines;
	private final Set<MarkerKind> failureMarkers;
	private final Duration timeout;
	private final boolean stopWhenAllSeen;
	private final String qemuBinary;

	private QemuBoot(Builder b) {
		this.route = b.route;
		this.xen = b.xen;
		this.dtb = b.dtb;
		this.ubootBin = b.ubootBin;
		this.ubootEnvFlash = b.ubootEnvFlash;
		this.tftpDir = b.tftpDir;
		this.loaders = List.copyOf(b.loaders);
		this.machine = List.copyOf(b.machine);
		this.extraArgs = List.copyOf(b.extraArgs);
		this.expected = List.copyOf(b.expected);
		this.failureLines = List.copyOf(b.failureLines);
		this.failureMarkers = Set.copyOf(b.failureMarkers);
		this.timeout = b.timeout;
		this.stopWhenAllSeen = b.stopWhenAllSeen;
		this.qemuBinary = b.qemuBinary;
	}

	/** Route (a): {@code -kernel xen -dtb host.dtb} plus a loader per module. */
	public static Builder direct(Path xen, Path hostDtb) {
		Builder b = new Builder(Route.DIRECT);
		b.xen = Objects.requireNonNull(xen);
		b.dtb = Objects.requireNonNull(hostDtb);
		return b;
	}

	/**
	 * Route (b): {@code -bios u-boot.bin} with an environment flash image (see
	 * {@link UBootEnvironment}) whose {@code bootcmd} sources a script put in RAM by a loader or
	 * fetched over QEMU's built-in TFTP ({@link Builder#tftp}).
	 */
	public static Builder uboot(Path ubootBin, Path envFlashImage) {
		Builder b = new Builder(Route.UBOOT);
		b.ubootBin = Objects.requireNonNull(ubootBin);
		b.ubootEnvFlash = Objects.requireNonNull(envFlashImage);
		return b;
	}

	/**
	 * Route (c): UEFI firmware (Debian's AAVMF) in flash bank 0, a writable copy of its variable store in bank 1,
	 * and an EFI system partition image on a virtio disk; the firmware starts {@code \EFI\BOOT\BOOTAA64.EFI}.
	 */
	public static Builder uefi(Path firmwareCode, Path firmwareVars, Path espImage) {
		Builder b = new Builder(Route.UEFI);
		b.ubootBin = Objects.requireNonNull(firmwareCode);
		b.ubootEnvFlash = Objects.requireNonNull(firmwareVars);
		b.xen = Objects.requireNonNull(espImage);
		return b;
	}

	public static final class Builder {
		private final Route route;
		private Path xen;
		private Path dtb;
		private Path ubootBin;
		private Path ubootEnvFlash;
		private Path tftpDir;
		private final List<Loader> loaders = new ArrayList<>();
		private final List<String> machine = new ArrayList<>(DEFAULT_MACHINE);
		private final List<String> extraArgs = new ArrayList<>();
		private final List<ExpectedMarker> expected = new ArrayList<>();
		private final List<FailureLine> failureLines = new ArrayList<>();
		private final Set<MarkerKind> failureMarkers = EnumSet.noneOf(MarkerKind.class);
		private Duration timeout = Duration.ofMinutes(4);
		private boolean stopWhenAllSeen = true;
		private String qemuBinary = "qemu-system-aarch64";

		private Builder(Route route) {
			this.route = route;
		}

		/** Puts {@code file} at guest physical {@code address}. */
		public Builder loader(Path file, long address) {
			loaders.add(new Loader(file, address));
			return this;
		}

		/** Serves {@code dir} over QEMU's built-in TFTP on a user-mode virtio-net NIC. */
		public Builder tftp(Path dir) {
			this.tftpDir = Objects.requireNonNull(dir);
			return this;
		}

		/** Replaces the machine options ({@link #DEFAULT_MACHINE}). */
		public Builder machine(List<String> options) {
			machine.clear();
			machine.addAll(options);
			return this;
		}

		/** Appends raw QEMU arguments after everything else. */
		public Builder extraArgs(String... args) {
			extraArgs.addAll(List.of(args));
			return this;
		}

		public Builder expect(ExpectedMarker... markers) {
			expected.addAll(List.of(markers));
			return this;
		}

		/** Expects {@code TESS-UP} and {@code TESS-DONE} of each domain. */
		public Builder expectUpAndDone(String... domains) {
			for (String d : domains) {
				expected.add(ExpectedMarker.up(d));
				expected.add(ExpectedMarker.done(d));
			}
			return this;
		}

		/** A serial-log substring that ends the boot at once as failed (e.g. {@code "Panic on CPU"}). */
		public Builder failOn(String... patterns) {
			for (String p : patterns) failureLines.add(FailureLine.any(p));
			return this;
		}

		/** Lines that end the boot at once as failed, each where it counts ({@link FailureLine.Where}). */
		public Builder failOn(java.util.Collection<FailureLine> lines) {
			failureLines.addAll(lines);
			return this;
		}

		/**
		 * Failure kinds of marker ({@link MarkerKind#isFailure()}) that end the boot at once as failed, each by its
		 * rule ({@link MarkerKind#failsOn}).
		 */
		public Builder failOnMarkers(Set<MarkerKind> kinds) {
			for (MarkerKind k : kinds)
				if (!k.isFailure()) throw new IllegalArgumentException(k + " is not a failure kind");
			failureMarkers.addAll(kinds);
			return this;
		}

		/** Stop after this long whatever happened (default 4 minutes). */
		public Builder timeout(Duration t) {
			if (t.isNegative() || t.isZero()) {
				throw new IllegalArgumentException("timeout must be positive");
			}
			this.timeout = t;
			return this;
		}

		/**
		 * With {@code false}, keep QEMU running after every marker was seen until it exits by
		 * itself (e.g. dom0's {@code poweroff -f}) or the timeout passes. Default {@code true}.
		 */
		public Builder stopWhenAllSeen(boolean stop) {
			this.stopWhenAllSeen = stop;
			return this;
		}

		public Builder qemuBinary(String binary) {
			this.qemuBinary = Objects.requireNonNull(binary);
			return this;
		}

		public QemuBoot build() {
			return new QemuBoot(this);
		}
	}

	/** QEMU's option parser splits on commas; a comma inside a value is written twice. */
	static String escape(String value) {
		return value.replace(",", ",,");
	}

	/** The QEMU arguments (without the binary) for a run whose serial output goes to {@code serialLog}. */
	public List<String> arguments(Path serialLog) {
		List<String> a = new ArrayList<>(machine);
		a.add("-serial");
		a.add("file:" + serialLog.toAbsolutePath());
		if (route == Route.DIRECT) {
			a.add("-kernel");
			a.add(xen.toAbsolutePath().toString());
			a.add("-dtb");
			a.add(dtb.toAbsolutePath().toString());
		} else if (route == Route.UEFI) {
			a.add("-drive");
			a.add("if=pflash,format=raw,unit=0,readonly=on,file=" + escape(ubootBin.toAbsolutePath().toString()));
			a.add("-drive");
			a.add("if=pflash,format=raw,unit=1,file=" + escape(ubootEnvFlash.toAbsolutePath().toString()));
			a.add("-drive");
			a.add("if=none,format=raw,id=esp,file=" + escape(xen.toAbsolutePath().toString()));
			a.add("-device");
			a.add("virtio-blk-device,drive=esp");
		} else {
			a.add("-bios");
			a.add(ubootBin.toAbsolutePath().toString());
			a.add("-drive");
			a.add("if=pflash,format=raw,unit=1,file=" + escape(ubootEnvFlash.toAbsolutePath().toString()));
		}
		for (Loader l : loaders) {
			a.add("-device");
			a.add(l.option());
		}
		if (tftpDir != null) {
			a.add("-netdev");
			a.add("user,id=n0,tftp=" + escape(tftpDir.toAbsolutePath().toString()));
			a.add("-device");
			a.add("virtio-net-pci,netdev=n0");
		}
		a.addAll(extraArgs);
		return a;
	}

	public Route route() {
		return route;
	}

	public List<Loader> loaders() {
		return loaders;
	}

	public List<ExpectedMarker> expected() {
		return expected;
	}

	/** The texts that end the boot, anywhere ({@link FailureLine.Where#ANY}). */
	public List<String> failurePatterns() {
		return failureLines.stream().filter(f -> f.where() == FailureLine.Where.ANY).map(FailureLine::text).toList();
	}

	public List<FailureLine> failureLines() {
		return failureLines;
	}

	public Set<MarkerKind> failureMarkers() {
		return failureMarkers;
	}

	public Duration timeout() {
		return timeout;
	}

	public boolean stopWhenAllSeen() {
		return stopWhenAllSeen;
	}

	public String qemuBinary() {
		return qemuBinary;
	}
}
