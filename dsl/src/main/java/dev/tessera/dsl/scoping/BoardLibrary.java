package dev.tessera.dsl.scoping;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;

/**
 * The boards shipped with Tessera ({@code boards/} in the repository, on the classpath as {@code boards/}):
 * a system names one by its name, with no import.
 */
public final class BoardLibrary {
	private static final String INDEX = "boards/library.txt";
	private static volatile List<String> names;

	private BoardLibrary() {
	}

	/** The names of the shipped boards, from boards/library.txt. */
	public static List<String> names() {
		if (names == null) {
			try (InputStream in = BoardLibrary.class.getClassLoader().getResourceAsStream(INDEX)) {
				names = in == null ? List.of()
						: new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
								.filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
			} catch (IOException e) {
				names = List.of();
			}
		}
		return names;
	}

	/** The URI of a shipped board's file. */
	public static Optional<URI> find(String name) {
		if (name == null || !names().contains(name)) return Optional.empty();
		URL url = BoardLibrary.class.getClassLoader().getResource("boards/" + name + ".tess");
		return url == null ? Optional.empty() : Optional.of(URI.createURI(url.toString()));
	}

	/**
	 * Whether a URI is a file of the shipped library (a board or its device tree), wherever the library lies: in
	 * Tessera's jar, or in a classes folder when Tessera runs from its build.
	 */
	public static boolean contains(URI uri) {
		if (uri == null || uri.lastSegment() == null) return false;
		URL url = BoardLibrary.class.getClassLoader().getResource("boards/" + uri.lastSegment());
		return url != null && URI.createURI(url.toString()).equals(uri);
	}
}
