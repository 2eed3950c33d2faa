package dev.tessera.boot.marker;

import java.util.Objects;

/**
 * Something a boot must show on its serial console: either a marker of one domain
 * ({@code TESS-KIND name=DOMAIN}, optionally whose text contains a string), or a plain substring
 * of the log (e.g. Xen's {@code "Initializing null scheduler"}), for which {@code domain} and {@code kind} are null,
 * or any console output of a domain Xen relays ({@code consoleOf}, its domain id, with either of Xen's prefixes,
 * {@link MarkerLine#consoleOf}).
 */
public record ExpectedMarker(String domain, MarkerKind kind, String contains, Integer consoleOf) {

	public ExpectedMarker(String domain, MarkerKind kind, String contains) {
		this(domain, kind, contains, null);
	}

	public ExpectedMarker {
		if (domain == null && consoleOf == null && (contains == null || contains.isEmpty())) {
			throw new IllegalArgumentException("a log expectation needs the text to look for");
		}
		if (domain != null && kind == null) {
			throw new IllegalArgumentException("a marker expectation needs a kind");
		}
		contains = contains == null ? "" : contains;
	}

	/** {@code TESS-KIND name=DOMAIN ...}. */
	public static ExpectedMarker of(String domain, MarkerKind kind) {
		return new ExpectedMarker(Objects.requireNonNull(domain), kind, "");
	}

	/** {@code TESS-KIND name=DOMAIN ...} whose text or fields contain {@code contains}. */
	public static ExpectedMarker of(String domain, MarkerKind kind, String contains) {
		return new ExpectedMarker(Objects.requireNonNull(domain), kind, contains);
	}

	public static ExpectedMarker up(String domain) {
		return of(domain, MarkerKind.UP);
	}

	public static ExpectedMarker done(String domain) {
		return of(domain, MarkerKind.DONE);
	}

	/** Any line of the serial log containing {@code text}. */
	public static ExpectedMarker log(String text) {
		return new ExpectedMarker(null, null, text);
	}

	/** Any line of console output of the domain with this id, as Xen relays it ({@code (XEN) DOM1: } or {@code (d1) }). */
	public static ExpectedMarker consoleOf(int domid) {
		return new ExpectedMarker(null, null, "", domid);
	}

	public boolean isLog() {
		return domain == null;
	}

	public boolean matches(MarkerLine m) {
		if (isLog() || !domain.equals(m.domain())) {
			return false;
		}
		// Any marker of the domain shows its /init started. Xen 4.20 relays the console-focus domain's output
		// character by character, so another domain's line can cut its first one ("(XEN) T(XEN) ESS-UP ...").
		if (kind == MarkerKind.UP && contains.isEmpty()) {
			return true;
		}
		if (!m.is(kind)) {
			return false;
		}
		if (contains.isEmpty()) {
			return true;
		}
		return m.body().contains(contains);
	}

	public boolean matchesLine(String line) {
		if (!isLog()) return false;
		if (consoleOf != null) return MarkerLine.consoleOf(line).contains(consoleOf);
		return line.contains(contains);
	}

	@Override
	public String toString() {
		if (consoleOf != null) {
			return "console of domain " + consoleOf;
		}
		if (isLog()) {
			return "log \"" + contains + "\"";
		}
		return MarkerKind.PREFIX + kind + " name=" + domain + (contains.isEmpty() ? "" : " ~\"" + contains + "\"");
	}
}
