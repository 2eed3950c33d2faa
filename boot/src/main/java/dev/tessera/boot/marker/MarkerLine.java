package dev.tessera.boot.marker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One marker printed by the marker scripts ({@link MarkerScripts}), as found on the serial console:
 * {@code TESS-KIND name=DOMAIN [key=value ...] [text]}. Whatever precedes the marker on the line is ignored, so markers
 * are matched per domain name: nothing for dom0's hvc0; Xen's {@code "(XEN) DOM1: "} for what a domain Xen started
 * writes to its vpl011 (xen/arch/arm/vpl011.c, {@code printk("DOM%u: %s")}, 4.17 to 4.21), {@code "(d1) "} for what a
 * domain other than dom0 writes with the console hypercall (xen/drivers/char/console.c, {@code guest_printk}, e.g. an
 * earlycon=xenboot kernel; printed from 4.17 on when the guest log level lets debug lines through). A marker ends at the
 * next marker or the next of those prefixes on the same line ({@link #consoleOf}).
 *
 * @param kind   the word after {@code TESS-}, e.g. {@code UP}, {@code MEM}, {@code DONE}: a {@link MarkerKind}'s name,
 *               or whatever else a domain printed
 * @param domain the {@code name=} value (the domain's {@code guest=} boot argument)
 * @param fields leading {@code key=value} pairs after the name, in order
 * @param text   what follows the fields (e.g. an {@code /proc/iomem} line), trimmed
 * @param raw    the whole console line
 */
public record MarkerLine(String kind, String domain, Map<String, String> fields, String text, String raw) {

	// A marker runs until the next marker or the next Xen log prefix on the same line: dom0's and
	// Xen's output can interleave within one serial line.
	private static final Pattern MARKER = Pattern.compile(
			"TESS-([A-Z0-9]+) name=([A-Za-z0-9_.\\-]+)(.*?)(?=TESS-[A-Z0-9]+ name=|\\(XEN\\)|\\(d\\d+\\) |$)");
	/** Xen's prefixes of a domain's console output: {@code (XEN) DOM<id>: } (vpl011) and {@code (d<id>) } (hypercall). */
	private static final Pattern CONSOLE = Pattern.compile("\\(XEN\\) DOM(\\d+): |\\(d(\\d+)\\) ");
	private static final Pattern FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S*)");

	public MarkerLine {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** All markers on one console line (usually none or one). */
	public static List<MarkerLine> parse(String line) {
		if (!line.contains(MarkerKind.PREFIX)) {
			return List.of();
		}
		List<MarkerLine> found = new ArrayList<>();
		Matcher m = MARKER.matcher(line);
		while (m.find()) {
			String rest = m.group(3).trim();
			Map<String, String> fields = new LinkedHashMap<>();
			String[] tokens = rest.isEmpty() ? new String[0] : rest.split("\\s+");
			int i = 0;
			for (; i < tokens.length; i++) {
				Matcher f = FIELD.matcher(tokens[i]);
				if (!f.matches()) {
					break;
				}
				fields.put(f.group(1), f.group(2));
			}
			String text = String.join(" ", java.util.Arrays.asList(tokens).subList(i, tokens.length));
			found.add(new MarkerLine(m.group(1), m.group(2), fields, text, line));
		}
		return found;
	}

	/** The domain ids whose console output Xen relayed on this line, in order (either prefix). */
	public static List<Integer> consoleOf(String line) {
		List<Integer> ids = new ArrayList<>();
		Matcher m = CONSOLE.matcher(line);
		while (m.find()) ids.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
		return ids;
	}

	/** Whether this marker is of that kind. */
	public boolean is(MarkerKind k) {
		return kind.equals(k.name());
	}

	public Optional<String> field(String key) {
		return Optional.ofNullable(fields.get(key));
	}

	/** A numeric field, e.g. {@code kib} of {@code TESS-MEM}. */
	public long longField(String key) {
		String v = fields.get(key);
		if (v == null) {
			throw new IllegalStateException("marker has no field " + key + ": " + raw);
		}
		return Long.parseLong(v);
	}

	/** The marker after its name: {@code key=value} fields, then the text, space-separated. */
	public String body() {
		StringBuilder b = new StringBuilder();
		fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
		if (!text.isEmpty()) {
			b.append(b.length() == 0 ? "" : " ").append(text);
		}
		return b.toString();
	}

	@Override
	public String toString() {
		return MarkerKind.PREFIX + kind + " name=" + domain + (fields.isEmpty() ? "" : " " + fields)
				+ (text.isEmpty() ? "" : " " + text);
	}
}
