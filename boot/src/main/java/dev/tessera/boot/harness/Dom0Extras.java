package dev.tessera.boot.harness;

import java.util.List;
import java.util.Map;

import dev.tessera.boot.marker.ExpectedMarker;

/**
 * What a marker boot adds to dom0 beyond the system: files in its initramfs, boot arguments for its /init, and
 * the markers that must then appear (e.g. xl configs of other systems to dry-run with xl -N create).
 */
public record Dom0Extras(Map<String, byte[]> files, List<String> args, List<ExpectedMarker> expected) {
	public static final Dom0Extras NONE = new Dom0Extras(Map.of(), List.of(), List.of());

	public boolean any() {
		return !files.isEmpty() || !args.isEmpty();
	}
}
