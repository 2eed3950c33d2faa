package dev.tessera.boot.harness;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import dev.tessera.core.xen.XenVersion;

/**
 * Which Xen a boot runs, as asked ({@code tessera boot --xen 4.17|4.20|FILE [--xen-config FILE]}): one of the
 * harness's releases (with the dom0 and driver-domain userspace of that release), a Xen image of one's own (with its
 * Kconfig when known), or nothing said: the harness's release the system targets (marker boots), or the user's own Xen
 * in the files folder.
 *
 * @param release a release of the harness's ({@link #RELEASES}), or null
 * @param file    a Xen image, or null
 * @param config  the Kconfig of {@code file} (or of the user's own Xen), or null: then {@code FILE.config} if it exists
 */
public record XenRequest(XenVersion release, Path file, Path config) {
	/** The releases the harness boots (e2e/assets.sh: Debian 12's 4.17, Debian 13's 4.20). */
	public static final java.util.List<XenVersion> RELEASES = java.util.List.of(new XenVersion(4, 17), new XenVersion(4, 20));

	/** Nothing asked: the release the system targets, or the user's own Xen. */
	public static final XenRequest SYSTEM = new XenRequest(null, null, null);

	public XenRequest {
		if (release != null && (file != null || config != null))
			throw new IllegalArgumentException("a release of the harness comes with its own Kconfig: --xen-config goes with a Xen file");
	}

	public static XenRequest release(XenVersion v) {
		return new XenRequest(Objects.requireNonNull(v), null, null);
	}

	public static XenRequest file(Path xen, Path config) {
		return new XenRequest(null, Objects.requireNonNull(xen), config);
	}

	/**
	 * What {@code --xen ARG} says: a version ({@code 4.17}, {@code 4.20}; a patch level is ignored) or else a file;
	 * {@code config} is {@code --xen-config}. A version the harness does not boot is refused.
	 */
	public static XenRequest parse(String arg, Path config) {
		if (arg == null) return new XenRequest(null, null, config);
		Optional<XenVersion> v = XenVersion.parse(arg);
		if (v.isPresent() && !Path.of(arg).toFile().exists()) {
			if (!RELEASES.contains(v.get()))
				throw new IllegalArgumentException("the harness boots Xen " + String.join(" and ", RELEASES.stream().map(XenVersion::toString).toList())
						+ ", not " + v.get() + ": give --xen one of them, or a Xen image file");
			if (config != null) throw new IllegalArgumentException("--xen " + v.get() + " comes with its own Kconfig: --xen-config goes with a Xen file");
			return release(v.get());
		}
		return file(Path.of(arg), config);
	}

	@Override
	public String toString() {
		return release != null ? "Xen " + release : file != null ? file.toString() : "the system's Xen";
	}
}
