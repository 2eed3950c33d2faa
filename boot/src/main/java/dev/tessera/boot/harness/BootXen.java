package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tessera.boot.assets.BootAssets;
import dev.tessera.core.xen.Systems;
import dev.tessera.core.xen.XenBuild;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Arch;
import dev.tessera.model.Scheduler;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFactory;

/**
 * The Xen a boot runs, decided from what was asked ({@link XenRequest}) and the loaded system before anything is
 * generated (Xen's size is measured when the boot modules are placed):
 * <ul>
 * <li>4.17: Debian 12's build, or the harness's own build of Debian's source when the system needs static memory,
 * static shared memory, boot-time cpupools or the null, RTDS or ARINC 653 scheduler (Debian's lacks them); armhf: Debian
 * 12's armhf build;</li>
 * <li>4.20: Debian 13's build (no static memory, static shared memory, boot-time cpupools, null/RTDS/ARINC 653), with
 * Debian 13's tools in dom0 and the driver domains;</li>
 * <li>a file: that image, with its Kconfig when one is given or lies beside it as {@code FILE.config}; 4.17's tools.</li>
 * </ul>
 * The build's Kconfig goes into the pipeline request, so a system that uses what the build lacks is refused, by rule
 * xen.build, before anything boots. When the release is known (a release of the harness's, or the version line of the
 * file's Kconfig) and the system targets another, Tessera generates for the Xen that boots and says so ({@link #notes}).
 *
 * @param image    the Xen image, or null: the user's own, in the files folder under the name the system gives it
 * @param build    its Kconfig, when known
 * @param release  the release it is, when known
 * @param platform QEMU, U-Boot and the guests' userspace that go with it
 * @param notes    what the user should know (the system retargeted)
 */
public record BootXen(Path image, XenBuild build, XenVersion release, Platform platform, List<String> notes) {

	/** A Xen the harness cannot boot (a release it lacks for the board, a Kconfig it cannot read): a usage error. */
	public static final class Unavailable extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Unavailable(String message) {
			super(message);
		}
	}

	private static final Pattern CONFIG_RELEASE = Pattern.compile("^# Xen/\\S+ (\\d+\\.\\d+)(?:\\.\\S*)? Configuration$", Pattern.MULTILINE);

	/**
	 * Chooses, for a marker boot or not; retargets the system (its {@code xen} version) to the release that boots when it
	 * is known and differs. {@code ownXen} is where the user's own Xen would be (no --xen, no marker), else null.
	 */
	static BootXen choose(XenRequest r, System s, boolean marker, Path ownXen, BootAssets assets) throws IOException {
		Arch arch = s.getBoard() != null && s.getBoard().getArch() == Arch.ARM32 ? Arch.ARM32 : Arch.AARCH64;
		XenVersion target = Systems.xenVersion(s);
		List<String> notes = new ArrayList<>();
		Path image;
		XenBuild build = null;
		XenVersion release;
		if (r.release() != null || (r.file() == null && marker)) {
			release = r.release() != null ? r.release() : target;
			if (!XenRequest.RELEASES.contains(release))
				throw new Unavailable("the system targets Xen " + target + "; the harness boots Xen 4.17 and 4.20: pass --xen 4.17, --xen 4.20 or --xen FILE");
			if (arch == Arch.ARM32 && !release.equals(XenRequest.RELEASES.get(0)))
				throw new Unavailable("the harness has no Xen " + release + " for 32-bit Arm (Debian 12's armhf Xen 4.17 only): pass --xen 4.17 or --xen FILE");
			Path config;
			if (arch == Arch.ARM32) {
				assets.need(BootAssets.Group.ARM32);
				image = assets.path(BootAssets.XEN_DEBIAN_ARMHF);
				config = assets.path(BootAssets.XEN_DEBIAN_ARMHF_CONFIG);
			} else if (release.equals(XenRequest.RELEASES.get(1))) {
				assets.need(BootAssets.Group.XEN420);
				image = assets.path(BootAssets.XEN_DEBIAN_420);
				config = assets.path(BootAssets.XEN_DEBIAN_420_CONFIG);
			} else {
				boolean features = needsFeatures(s);
				image = features ? assets.xenFeatures() : assets.xenDebian();
				config = features ? assets.xenFeaturesConfig() : assets.xenDebianConfig();
			}
			build = XenBuild.read(config);
		} else {
			image = r.file();
			Path file = image != null ? image : ownXen;
			Path config = r.config() != null ? r.config() : file != null && Files.isRegularFile(Path.of(file + ".config")) ? Path.of(file + ".config") : null;
			if (r.config() != null && !Files.isRegularFile(r.config())) throw new Unavailable("cannot read the Xen Kconfig " + r.config());
			if (config != null) build = XenBuild.read(config);
			release = config != null ? releaseOf(config).orElse(null) : null;
		}
		if (release != null && !release.equals(target)) {
			notes.add("the system targets Xen " + target + " but Xen " + release + " boots: generating for Xen " + release
					+ " (write 'xen " + release + "' in the system to target it)");
			retarget(s, release);
		}
		return new BootXen(image, build, release, Platform.of(arch, release, assets), List.copyOf(notes));
	}

	/**
	 * The source tree of the release that boots, where e2e/assets.sh unpacked Debian's source package (xen-source for
	 * 4.17, xen-source-4.20 with the item group xen420-features), or null: a FLASK policy is compiled against it.
	 */
	public Path source() {
		return release == null ? null : sourceOf(release);
	}

	/** The harness's source tree of a release, or null. */
	public static Path sourceOf(XenVersion release) {
		String folder = release.equals(XenRequest.RELEASES.get(0)) ? "xen-source" : "xen-source-" + release;
		Path src = BootAssets.defaultCacheDir().resolve(folder).resolve("src");
		return Files.isDirectory(src) ? src : null;
	}

	/** Debian's Xen 4.17 lacks these; the harness's feature build has them. */
	static boolean needsFeatures(System s) {
		if (!s.getCpupools().isEmpty() || !s.getSharedMemory().isEmpty()) return true;
		if (s.getDomains().stream().anyMatch(d -> d.isStaticAllocation() || !d.getStaticMemory().isEmpty())) return true;
		Scheduler sched = s.getXen() != null && s.getXen().isSetScheduler() ? s.getXen().getScheduler() : null;
		return sched == Scheduler.NULL || sched == Scheduler.RTDS || sched == Scheduler.ARINC653;
	}

	/** The release a Kconfig file was made for: its header, {@code # Xen/arm 4.20.5-pre Configuration}. */
	static Optional<XenVersion> releaseOf(Path config) throws IOException {
		String head = Files.readString(config).lines().limit(8).reduce("", (a, b) -> a + b + "\n");
		Matcher m = CONFIG_RELEASE.matcher(head);
		return m.find() ? XenVersion.parse(m.group(1)) : Optional.empty();
	}

	/** Generates for the release that boots: the system's {@code xen} version, changed in the loaded model only. */
	private static void retarget(System s, XenVersion release) {
		if (s.getXen() == null) s.setXen(TesseraFactory.eINSTANCE.createXenSettings());
		s.getXen().setVersion(release.toString());
	}
}
