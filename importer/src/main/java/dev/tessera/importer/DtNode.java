package dev.tessera.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of a flattened device tree. */
public final class DtNode {
	private final String name;
	private final DtNode parent;
	private final SourceLocation location;
	private final List<String> labels = new ArrayList<>();
	private final Map<String, DtProperty> properties = new LinkedHashMap<>();
	private final List<DtNode> children = new ArrayList<>();

	public DtNode(String name, DtNode parent, SourceLocation location) {
		this.name = name;
		this.parent = parent;
		this.location = location;
	}

	public String name() {
		return name;
	}

	/** The node name without its unit address. */
	public String baseName() {
		int at = name.indexOf('@');
		return at < 0 ? name : name.substring(0, at);
	}

	public DtNode parent() {
		return parent;
	}

	public SourceLocation location() {
		return location;
	}

	public List<String> labels() {
		return labels;
	}

	public Map<String, DtProperty> properties() {
		return properties;
	}

	public List<DtNode> children() {
		return children;
	}

	public DtProperty property(String n) {
		return properties.get(n);
	}

	public boolean has(String n) {
		return properties.containsKey(n);
	}

	public String path() {
		if (parent == null) return "/";
		String p = parent.path();
		return p.equals("/") ? "/" + name : p + "/" + name;
	}

	/** A single-cell property's value, or {@code otherwise} when absent or not one cell. */
	public long cell(String n, long otherwise) {
		DtProperty p = properties.get(n);
		long[] c = p == null ? null : p.cells();
		return c == null || c.length != 1 ? otherwise : c[0];
	}

	public List<String> compatible() {
		DtProperty p = properties.get("compatible");
		return p == null ? List.of() : p.strings();
	}

	public boolean isCompatible(String c) {
		return compatible().contains(c);
	}

	/** status absent, "okay" or "ok". */
	public boolean enabled() {
		DtProperty p = properties.get("status");
		if (p == null) return true;
		String s = p.string();
		return s.equals("okay") || s.equals("ok");
	}

	/** This node and all its ancestors are enabled. */
	public boolean effectivelyEnabled() {
		for (DtNode n = this; n != null; n = n.parent)
			if (!n.enabled()) return false;
		return true;
	}

	/** Where a property was written, or the node's own place. */
	public SourceLocation locationOf(String property) {
		DtProperty p = properties.get(property);
		return p != null && p.location().line() > 0 ? p.location() : location;
	}

	@Override
	public String toString() {
		return path();
	}
}
