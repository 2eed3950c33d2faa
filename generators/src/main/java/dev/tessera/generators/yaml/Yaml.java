package dev.tessera.generators.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * How Tessera writes YAML (layout.yaml, manifest.yaml): no document marker, quotes only where needed, and strings
 * that look like numbers quoted ("4.17" stays a string), keys in the order given, so the same input writes the
 * same bytes.
 */
public final class Yaml {
	private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
			.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

	private Yaml() {
	}

	public static byte[] write(Object document) {
		try {
			return MAPPER.writeValueAsBytes(document);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A map that keeps its keys in the order given: key, value, key, value, ... */
	public static Map<String, Object> ordered(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
		return m;
	}
}
