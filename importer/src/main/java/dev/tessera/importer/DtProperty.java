package dev.tessera.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A property of a flattened device tree: its raw big-endian value and where it was written. */
public record DtProperty(String name, byte[] value, SourceLocation location) {
	public boolean empty() {
		return value.length == 0;
	}

	/** The value as 32-bit cells; null when its length is not a multiple of 4. */
	public long[] cells() {
		if (value.length % 4 != 0) return null;
		long[] c = new long[value.length / 4];
		for (int i = 0; i < c.length; i++)
			c[i] = ((value[4 * i] & 0xffL) << 24) | ((value[4 * i + 1] & 0xffL) << 16) | ((value[4 * i + 2] & 0xffL) << 8)
					| (value[4 * i + 3] & 0xffL);
		return c;
	}

	/** The value as a list of NUL-terminated strings (a stringlist). */
	public List<String> strings() {
		List<String> out = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < value.length; i++)
			if (value[i] == 0) {
				out.add(new String(value, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		if (start < value.length) out.add(new String(value, start, value.length - start, StandardCharsets.UTF_8));
		return out;
	}

	public String string() {
		List<String> s = strings();
		return s.isEmpty() ? "" : s.get(0);
	}
}
