package dev.tessera.core.rules.sched;

/** Times in messages as the language writes them. */
final class Durations {
	private Durations() {
	}

	static String of(long us) {
		return us % 1000 == 0 ? us / 1000 + "ms" : us + "us";
	}
}
