package dev.tessera.boot.harness;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tessera.boot.marker.ExpectedMarker;
import dev.tessera.boot.marker.MarkerKind;

/**
 * What a marker boot adds beyond the system: files in dom0's initramfs, boot arguments for dom0's /init and for other
 * domains' (e.g. {@code tess_servedelay=30}: a driver domain that comes up slowly), the markers that must then
 * appear (e.g. xl configs of other systems to dry-run with xl -N create), and the domains that boot the harness's CPU
 * burner instead of Linux ({@code burners}: they print nothing, so nothing is expected of them).
 */
public record MarkerExtras(Map<String, byte[]> files, List<String> args, Map<String, List<String>> domainArgs, List<ExpectedMarker> expected,
		Set<String> burners) {
	public static final MarkerExtras NONE = new MarkerExtras(Map.of(), List.of(), Map.of(), List.of());

	public MarkerExtras(Map<String, byte[]> files, List<String> args, Map<String, List<String>> domainArgs, List<ExpectedMarker> expected) {
		this(files, args, domainArgs, expected, Set.of());
	}

	/** dom0's files and arguments only. */
	public MarkerExtras(Map<String, byte[]> files, List<String> args, List<ExpectedMarker> expected) {
		this(files, args, Map.of(), expected);
	}

	/** Boot arguments for one domain's /init. */
	public static MarkerExtras domainArgs(String domain, String... args) {
		return new MarkerExtras(Map.of(), List.of(), Map.of(domain, List.of(args)), List.of());
	}

	/**
	 * The domains burn their vCPUs from their first instruction (the burner, not Linux), and dom0, once its start script
	 * ran, reports every domain's share of one CPU over {@code seconds} from Xen's cpu_time ({@link MarkerKind#SHARES}).
	 */
	public static MarkerExtras measuringShares(int seconds, String... burners) {
		return new MarkerExtras(Map.of(), List.of(SHARES_ARG + seconds), Map.of(), List.of(), Set.of(burners));
	}

	static final String SHARES_ARG = "tess_shares=";

	/** Whether dom0 gets something: then it runs xl. */
	public boolean any() {
		return !files.isEmpty() || !args.isEmpty();
	}

	/** Whether dom0 measures the domains' CPU time (with tessera-sched cputime). */
	boolean measuresShares() {
		return args.stream().anyMatch(a -> a.startsWith(SHARES_ARG));
	}

	List<String> argsOf(String domain) {
		return domainArgs.getOrDefault(domain, List.of());
	}
}
