package dev.tessera.boot.harness;

import java.util.List;
import java.util.Map;

import dev.tessera.boot.marker.ExpectedMarker;

/**
 * What a marker boot adds beyond the system: files in dom0's initramfs, boot arguments for dom0's /init and for other
 * domains' (e.g. {@code tess_servedelay=30}: a driver domain that comes up slowly), and the markers that must then
 * appear (e.g. xl configs of other systems to dry-run with xl -N create).
 */
public record MarkerExtras(Map<String, byte[]> files, List<String> args, Map<String, List<String>> domainArgs, List<ExpectedMarker> expected) {
	public static final MarkerExtras NONE = new MarkerExtras(Map.of(), List.of(), Map.of(), List.of());

	/** dom0's files and arguments only. */
	public MarkerExtras(Map<String, byte[]> files, List<String> args, List<ExpectedMarker> expected) {
		this(files, args, Map.of(), expected);
	}

	/** Boot arguments for one domain's /init. */
	public static MarkerExtras domainArgs(String domain, String... args) {
		return new MarkerExtras(Map.of(), List.of(), Map.of(domain, List.of(args)), List.of());
	}

	/** Whether dom0 gets something: then it runs xl. */
	public boolean any() {
		return !files.isEmpty() || !args.isEmpty();
	}

	List<String> argsOf(String domain) {
		return domainArgs.getOrDefault(domain, List.of());
	}
}
