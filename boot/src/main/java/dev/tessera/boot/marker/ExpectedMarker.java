package dev.tessera.boot.marker;

import java.util.Objects;

/**
 * Something a boot must show on its serial console: either a marker of one domain
 * ({@code TESS-KIND name=DOMAIN}, optionally whose text contains a string), or a plain substring
 * of the log (e.g. Xen's {@code "Initializing null scheduler"}), for which {@code domain} and {@code kind} are null.
 */
public record ExpectedMarker(String domain, MarkerKind kind, String contains) {

	public ExpectedMarker {
		if (domain == null && (contains == null || contains.isEmpty())) {
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

	public boolean isLog() {
		return domain == null;
	}

	public boolean matches(MarkerLine m) {
		if (isLog() || !domain.equals(m.domain()) || !m.is(kind)) {
			return false;
		}
		if (contains.isEmpty()) {
			return true;
		}
		return m.body().contains(contains);
	}

	public boolean matchesLine(String line) {
		return isLog() && line.contains(contains);
	}

	@Override
	public String toString() {
		if (isLog()) {
			return "log \"" + contains + "\"";
		}
		return MarkerKind.PREFIX + kind + " name=" + domain + (contains.isEmpty() ? "" : " ~\"" + contains + "\"");
	}
}
