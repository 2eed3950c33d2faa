package dev.tessera.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tessera.model.BootFile;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFactory;

/**
 * What a caller boots instead of what the system file says, domain by domain: another command line, kernel or
 * ramdisk (the boot harness boots its own Linux and marker initramfs this way). The pipeline applies them to the
 * model before validation, so the rules check exactly what boots and the resolver plans it.
 */
public final class BootOverrides {
	/** For one domain; a null field keeps what the system says. {@code ramdiskMax} &gt; 0 declares the ramdisk's maximum size. */
	public record ForDomain(String cmdline, String kernel, String ramdisk, long ramdiskMax) {
	}

	public static final BootOverrides NONE = new BootOverrides(Map.of());

	private final Map<String, ForDomain> byDomain;

	public BootOverrides(Map<String, ForDomain> byDomain) {
		this.byDomain = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byDomain));
	}

	public static Builder builder() {
		return new Builder();
	}

	public boolean isEmpty() {
		return byDomain.isEmpty();
	}

	public ForDomain of(String domain) {
		return byDomain.get(domain);
	}

	/** Changes the system in place; a domain the system lacks is a caller's mistake. */
	void applyTo(System s) {
		for (var e : byDomain.entrySet()) {
			dev.tessera.model.Domain d = s.getDomains().stream().filter(x -> e.getKey().equals(x.getName())).findFirst()
					.orElseThrow(() -> new IllegalArgumentException("no domain '" + e.getKey() + "' in system '" + s.getName() + "' to override"));
			ForDomain o = e.getValue();
			if (o.cmdline() != null) d.setCmdline(o.cmdline());
			if (o.kernel() != null) d.setKernel(file(o.kernel(), 0));
			if (o.ramdisk() != null) d.setRamdisk(file(o.ramdisk(), o.ramdiskMax()));
		}
	}

	private static BootFile file(String path, long max) {
		BootFile f = TesseraFactory.eINSTANCE.createBootFile();
		f.setPath(path);
		if (max > 0) f.setMaxSize(max);
		return f;
	}

	public static final class Builder {
		private final Map<String, ForDomain> map = new LinkedHashMap<>();

		public Builder domain(String name, ForDomain override) {
			map.put(name, override);
			return this;
		}

		public BootOverrides build() {
			return new BootOverrides(map);
		}
	}
}
