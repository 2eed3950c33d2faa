package dev.tessera.core.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Where a build keeps the boot files a system names: a file given by name ({@code --file Image=deploy/Image-6.1})
 * wins, else the first folder of the search path ({@code --files} in order) that holds it. What was found is
 * remembered: it is an input of the run (the dependency file and the manifest list it).
 */
public final class BootFileSearch implements FileProbe {
	private static final FileProbe ABSOLUTE = FileProbe.in(Path.of("/"));

	private final Map<String, Path> overrides;
	private final List<Path> folders;
	private final Map<String, Path> found = new TreeMap<>();

	public BootFileSearch(List<Path> folders, Map<String, Path> overrides) {
		this.folders = List.copyOf(folders);
		this.overrides = Map.copyOf(overrides);
	}

	/** Where the file named in the system is, if anywhere. */
	public Optional<Path> locate(String file) {
		if (file == null) return Optional.empty();
		Path p = overrides.get(file);
		if (p == null)
			for (Path dir : folders) {
				Path candidate;
				try {
					candidate = dir.resolve(file);
				} catch (java.nio.file.InvalidPathException e) {
					return Optional.empty();
				}
				if (Files.isRegularFile(candidate)) {
					p = candidate;
					break;
				}
			}
		if (p == null || !Files.isRegularFile(p)) return Optional.empty();
		Path abs = p.toAbsolutePath().normalize();
		synchronized (found) {
			found.put(file, abs);
		}
		return Optional.of(abs);
	}

	/** The files measured so far, by the name the system gives them. */
	public Map<String, Path> found() {
		synchronized (found) {
			return Map.copyOf(found);
		}
	}

	@Override
	public OptionalLong size(String file) {
		return locate(file).map(p -> ABSOLUTE.size(p.toString())).orElse(OptionalLong.empty());
	}

	@Override
	public OptionalLong loadedSize(String file) {
		return locate(file).map(p -> ABSOLUTE.loadedSize(p.toString())).orElse(OptionalLong.empty());
	}

	@Override
	public boolean isArm64Image(String file) {
		return locate(file).map(p -> ABSOLUTE.isArm64Image(p.toString())).orElse(false);
	}
}
