package dev.tessera.pipeline;

import java.util.List;

/**
 * Which products of a system's line a run generates: the system as written (the default), some of its variants by
 * name, or all of them. One product is written into the output folder itself; several each into a folder of their
 * own, named after the variant, the system itself into the folder named after the system. The system's name selects
 * the system as written.
 */
public record Products(List<String> names, boolean everyVariant) {
	public static final Products SYSTEM = new Products(List.of(), false);

	public Products {
		names = List.copyOf(names);
	}

	public static Products named(List<String> names) {
		return new Products(names, false);
	}

	public static Products allVariants() {
		return new Products(List.of(), true);
	}

	/** Whether each product goes into a folder of its own. */
	public boolean inFolders() {
		return everyVariant || names.size() > 1;
	}
}
