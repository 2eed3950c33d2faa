package dev.tessera.core.plan.tree;

import java.util.List;

/** A property: a flag (no value), one or more strings, or cells. */
public record DtProperty(String name, List<String> strings, List<Cell> cells) {
	public static DtProperty flagOf(String name) {
		return new DtProperty(name, List.of(), List.of());
	}

	public static DtProperty stringsOf(String name, String... values) {
		return new DtProperty(name, List.of(values), List.of());
	}

	public static DtProperty cellsOf(String name, List<Cell> cells) {
		return new DtProperty(name, List.of(), List.copyOf(cells));
	}

	public static DtProperty cellsOf(String name, Cell... cells) {
		return cellsOf(name, List.of(cells));
	}

	public boolean isFlag() {
		return strings.isEmpty() && cells.isEmpty();
	}

	/** The cells that refer to a board node whose phandle only the board's tree knows (U-Boot reads it first). */
	public List<Cell> lookups() {
		return cells.stream().filter(Cell::isLookup).toList();
	}
}
