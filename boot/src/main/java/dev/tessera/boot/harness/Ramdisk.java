package dev.tessera.boot.harness;

import dev.tessera.model.Start;

/**
 * The marker initramfs a domain of a marker boot gets instead of its ramdisk: busybox, the marker {@code /init} and
 * the harness's checks, with more or less of Xen's tools.
 */
enum Ramdisk {
	/** Nothing else: every domain that neither runs xl nor serves or uses PV devices of a driver domain. */
	PLAIN("tess-initrd.cpio.gz"),
	/** A domain Xen starts at boot that is served PV devices by a driver domain: with the xl tools and the split-driver modules. */
	PV("tess-pv.cpio.gz"),
	/**
	 * A driver domain Xen starts at boot: like {@link #PV}, and the generated {@code xl/serve-<name>.sh}, which it runs
	 * unchanged; so it is made after generation and padded to the size planned for it ({@link Platform#driverRamdiskSize()}).
	 */
	DRIVER("tess-driver.cpio.gz"),
	/**
	 * Every xl domain when some driver domain serves: with the xl tools (a driver domain runs its generated serve script)
	 * and the split-driver modules (DomD loads the backends, guests the frontends). Made after generation, in dom0's.
	 */
	XL("tess-xl.cpio.gz"),
	/** dom0's when it runs xl: the xl tools, the generated xl files and the xl domains' files; padded to {@link Platform#dom0RamdiskSize()}. */
	DOM0("tess-dom0.cpio.gz");

	/** Where dom0 keeps the xl domains' kernel and ramdisks, which their xl configs name. */
	static final String XL_FILES = "/var/lib/tessera/";
	/** The xl domains' kernel, the harness's Linux, in dom0. */
	static final String XL_KERNEL = XL_FILES + "Image";

	/** Its name in the files folder (and, for xl domains, under {@link #XL_FILES} in dom0). */
	final String file;

	Ramdisk(String file) {
		this.file = file;
	}

	/** The name a domain started this way loads it by. */
	String pathFor(Start start) {
		return start == Start.XL ? XL_FILES + file : file;
	}

	/** Made after generation, with generated files in it, so its size is declared before and it is padded to it. */
	boolean padded() {
		return this == DOM0 || this == DRIVER;
	}
}
