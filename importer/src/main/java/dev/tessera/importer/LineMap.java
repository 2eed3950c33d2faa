package dev.tessera.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps lines of a preprocessed file back to the files they came from, through cpp's line markers. */
final class LineMap {
	private static final Pattern MARKER = Pattern.compile("^# (\\d+) \"(.*?)\".*$");
	private final List<String> lines;

	private LineMap(List<String> lines) {
		this.lines = lines;
	}

	static LineMap of(Path preprocessed) {
		return new LineMap(Preprocessor.read(preprocessed).lines().toList());
	}

	/** The original place of the first line that holds both words, or {@code fallback} with no line. */
	SourceLocation find(String word, String other, String fallback) {
		String file = fallback;
		int origin = 0;
		for (int i = 0; i < lines.size(); i++) {
			String l = lines.get(i);
			Matcher m = MARKER.matcher(l);
			if (m.matches()) {
				file = m.group(2);
				origin = Integer.parseInt(m.group(1)) - 1;
				continue;
			}
			origin++;
			if (l.contains(word) && l.contains(other)) return new SourceLocation(file, origin);
		}
		return SourceLocation.unknown(fallback);
	}
}
