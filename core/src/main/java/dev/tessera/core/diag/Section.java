package dev.tessera.core.diag;

/** Where a rule is explained: the sections of the rule catalogue (docs/rules.md), in the order it shows them. */
public enum Section {
	LANGUAGE("Language"),
	XEN("Xen versions and settings"),
	DOMAINS("Domains"),
	TEXT("Text in boot scripts and configs"),
	BOOT("Boot modules"),
	MEMORY("Memory"),
	SHARED_MEMORY("Shared memory"),
	DEVICES("Devices and passthrough"),
	CPUS("CPUs"),
	CPUPOOLS("Cpupools"),
	SCHEDULES("Real-time schedules"),
	CACHE("Cache colouring"),
	BACKENDS("Backends and frontends"),
	GPUS("GPUs"),
	EVENT_CHANNELS("Event channels"),
	SYSTEMS("Systems and boards"),
	VARIANTS("Product-line variants"),
	TESSERA("Tessera itself");

	private final String title;

	Section(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}
}
