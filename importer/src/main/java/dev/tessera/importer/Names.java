package dev.tessera.importer;

import java.util.HashSet;
import java.util.Set;

/** Gives every element of an imported board a unique name the language accepts (keywords escaped with '^'). */
final class Names {
	/** The words of the Tessera language: a name equal to one is written with the '^' escape. */
	static final Set<String> KEYWORDS = Set.of("board", "arch", "description", "source", "device-tree", "cluster", "cpu", "mpidr",
			"path", "ram", "size", "reserved", "loader", "note", "gic", "reg", "v2", "v3", "v4", "iommu", "covers", "smmu-v2",
			"smmu-v3", "ipmmu", "other", "device", "compatible", "irq", "disabled", "dma", "sharing", "spi", "ppi", "level-high",
			"edge-rising", "edge-falling", "level-low", "system", "on", "off", "xen", "console", "scheduler", "cmdline", "image",
			"hmp-unsafe", "boot", "load", "preloaded", "addressing", "load-address", "cpupool", "cpus", "domain", "os", "kernel",
			"ramdisk", "memory", "static", "at", "direct-map", "vcpus", "pin", "pool", "passthrough", "vuart", "xen-enhanced",
			"aarch64", "arm32", "generic", "uart", "timer", "gpu", "display", "storage", "network", "audio", "gpio", "can",
			"pv-display", "virtio-gpu", "hardware", "credit", "credit2", "null", "rtds", "arinc653", "fixed", "dynamic", "guest",
			"control", "driver", "at-boot", "xl", "linux", "android", "zephyr", "freertos", "import", "max", "clocks",
			"power-domains", "resets", "irq-via", "shared-memory", "owner", "borrower", "true", "false",
			"clock", "cells", "outputs", "clock-names", "qnx", "erika", "unikernel", "destroy", "restart", "preserve", "optee", "ffa",
			"tee", "spis", "seclabel", "rename-restart", "coredump-destroy", "coredump-restart", "soft-reset", "grant-frames",
			"maptrack-frames", "p2m-pool", "on-crash", "on-reboot", "needs", "no-dma", "mapped", "osid-streams", "variant", "without", "add", "xsm", "dummy", "silo", "flask", "permissive");
	private final Set<String> used = new HashSet<>();

	/** A unique name from a label or node name: "serial@e6e88000" becomes "serial-e6e88000". */
	String unique(String wanted) {
		String base = sanitize(wanted);
		String name = base;
		for (int i = 2; !used.add(name); i++) name = base + "-" + i;
		return name;
	}

	static String sanitize(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray()) {
			if (Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '-') b.append(c);
			else if (c == '@' || c == ',' || c == '.' || c == '+') b.append('-');
		}
		String out = b.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
		if (out.isEmpty() || !Character.isLetter(out.charAt(0)) && out.charAt(0) != '_') out = "n" + out;
		return out;
	}

	/** The name as written in a .tess file. */
	static String written(String name) {
		return written(name, KEYWORDS);
	}

	/** The name as written in a .tess file of a language with these keywords. */
	static String written(String name, Set<String> keywords) {
		return keywords.contains(name) || KEYWORDS.contains(name) ? "^" + name : name;
	}
}
