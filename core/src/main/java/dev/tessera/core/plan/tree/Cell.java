package dev.tessera.core.plan.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * One 32-bit cell of a property.
 *
 * @param kind  a number; a reference to a node by path and the phandle Tessera gives it; a reference to a node of
 *              the board whose phandle the board's tree holds (lookup); or a U-Boot variable (dynamic addressing)
 * @param value the number, or the phandle of a reference
 * @param name  the node's path of a reference or lookup, the variable's name
 */
public record Cell(Kind kind, long value, String name) {
	public enum Kind {
		NUMBER, REFERENCE, LOOKUP, VARIABLE
	}

	public static Cell number(long value) {
		return new Cell(Kind.NUMBER, value, null);
	}

	public static Cell reference(String path, long phandle) {
		return new Cell(Kind.REFERENCE, phandle, path);
	}

	public static Cell lookup(String path) {
		return new Cell(Kind.LOOKUP, 0, path);
	}

	public static Cell variable(String name) {
		return new Cell(Kind.VARIABLE, 0, name);
	}

	/** A 64-bit value as two cells, high then low (with #address-cells and #size-cells of 2). */
	public static List<Cell> two(long value) {
		return List.of(number(value >>> 32), number(value & 0xffffffffL));
	}

	/** Cells one after another. */
	@SafeVarargs
	public static List<Cell> join(List<Cell>... parts) {
		List<Cell> out = new ArrayList<>();
		for (List<Cell> p : parts) out.addAll(p);
		return out;
	}

	public boolean isNumber() {
		return kind == Kind.NUMBER;
	}

	public boolean isReference() {
		return kind == Kind.REFERENCE;
	}

	public boolean isLookup() {
		return kind == Kind.LOOKUP;
	}

	public boolean isVariable() {
		return kind == Kind.VARIABLE;
	}
}
