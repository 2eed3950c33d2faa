package dev.tessera.core.xen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Xen build's configuration: its Kconfig file (Debian ships it beside the hypervisor as xen-*.config; a build of
 * one's own keeps xen/.config), so that a system is checked against what the Xen it boots can do before anything
 * boots.
 *
 * @param source  the file it was read from, as named in messages
 * @param options every CONFIG_ option the file sets, and its value ("y", a number, a string); options the file
 *                says are not set map to "n"
 */
public record XenBuild(String source, Map<String, String> options) {
	/** Reads a Kconfig file: "CONFIG_X=y", "# CONFIG_X is not set", comments and blank lines. */
	public static XenBuild read(Path config) throws IOException {
		Map<String, String> options = new LinkedHashMap<>();
		for (String line : Files.readAllLines(config)) {
			String l = line.strip();
			if (l.startsWith("# CONFIG_") && l.endsWith(" is not set")) options.put(l.substring(2, l.length() - " is not set".length()), "n");
			else if (l.startsWith("CONFIG_") && l.contains("=")) options.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
		}
		return new XenBuild(config.toString(), Map.copyOf(options));
	}

	/** Whether a bool option is on ("y"). */
	public boolean enabled(String option) {
		return "y".equals(options.get(option));
	}

	/** Whether the file knows the option at all (it is set, or said to be not set). */
	public boolean knows(String option) {
		return options.containsKey(option);
	}
}
