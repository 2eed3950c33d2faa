package dev.tessera.eclipse.editor;

import java.util.Set;

/**
 * The words of the language, as the TextMate grammar of the VS Code extension splits them (a test checks that
 * every keyword of Tessera.xtext is here).
 */
public final class Keywords {
	private Keywords() {
	}

	public static final Set<String> KEYWORDS = Set.of("addressing", "arch", "at", "backend-allocates", "board", "boot", "borrower",
			"bridge", "budget", "capture", "card", "cells", "clock", "clock-names", "clocks", "colors", "extratime", "llc", "major-frame",
			"no-xenstore", "outputs", "per", "switch-overhead", "ways", "cluster", "cmdline", "compatible", "connector", "console", "covers", "cpu",
			"cpupool", "cpus", "description", "device", "device-tree", "direct-map", "disabled", "disk", "display", "dma", "domain",
			"event-channel", "format", "from", "gic", "gpu", "grants", "guest", "hmp-unsafe", "host", "image", "import", "input",
			"iommu", "irq", "irq-via", "kernel", "keyboard", "load", "load-address", "loader", "mac", "mapped", "max", "memory", "mpidr", "note",
			"on", "os", "osid", "osid-streams", "osid-window", "osids", "owner", "p9", "passthrough", "path", "pcm", "pin", "playback", "pointer",
			"pool", "power-domains", "preloaded", "ram", "ramdisk", "readonly", "reg", "reserved", "resets", "scheduler",
			"shared-memory", "sharing", "size", "sound", "source", "static", "system", "target", "touch", "vcpus", "vif", "virtio",
			"vuart", "xen", "xen-enhanced", "grant-frames", "maptrack-frames", "spis", "p2m-pool", "on-crash", "on-reboot", "tee",
			"seclabel", "needs", "no-dma", "variant", "without", "add", "xsm", "dummy", "silo", "flask", "permissive");

	/** Enum literals and on/off, GIC versions: values rather than structure. */
	public static final Set<String> CONSTANTS = Set.of("aarch64", "android", "arinc653", "arm32", "at-boot", "audio", "can", "control",
			"credit", "credit2", "driver", "dynamic", "edge-falling", "edge-rising", "fixed", "freertos", "generic", "gpio", "hardware",
			"ipmmu", "level-high", "level-low", "linux", "network", "null", "off", "other", "ppi", "pv-display", "rtds", "smmu-v2",
			"smmu-v3", "spi", "storage", "timer", "uart", "v2", "v3", "v4", "virtio-gpu", "xl", "zephyr", "qnx", "erika", "unikernel",
			"destroy", "restart", "rename-restart", "preserve", "coredump-destroy", "coredump-restart", "soft-reset", "optee", "ffa");
}
