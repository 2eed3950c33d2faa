package dev.tessera.core.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Measures the boot files a system names, relative to the folder the build keeps them in. */
public interface FileProbe {
	/** The file's size, or empty when it is not there (yet). */
	OptionalLong size(String file);

	/**
	 * The memory an arm64 Image needs once loaded: the larger of its file size and the image_size of its header
	 * (which counts the .bss), as U-Boot's booti uses it. Empty when the file is missing.
	 */
	OptionalLong loadedSize(String file);

	/** Whether the file is an arm64 kernel Image (its header's magic "ARM\x64"); false when missing or anything else. */
	default boolean isArm64Image(String file) {
		return false;
	}

	static FileProbe in(Path dir) {
		return new FileProbe() {
			public OptionalLong size(String file) {
				Path p = resolve(dir, file);
				try {
					return p != null && Files.isRegularFile(p) ? OptionalLong.of(Files.size(p)) : OptionalLong.empty();
				} catch (IOException e) {
					return OptionalLong.empty();
				}
			}

			public boolean isArm64Image(String file) {
				if (size(file).isEmpty()) return false;
				try (InputStream in = Files.newInputStream(resolve(dir, file))) {
					byte[] header = in.readNBytes(64);
					return header.length == 64 && ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(56) == 0x644d5241;
				} catch (IOException e) {
					return false;
				}
			}

			public OptionalLong loadedSize(String file) {
				OptionalLong size = size(file);
				if (size.isEmpty()) return size;
				try (InputStream in = Files.newInputStream(resolve(dir, file))) {
					byte[] header = in.readNBytes(64);
					ByteBuffer bb = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
					// arm64 Image header: magic "ARM\x64" at offset 56, image_size at offset 16
					if (header.length == 64 && bb.getInt(56) == 0x644d5241)
						return OptionalLong.of(Math.max(size.getAsLong(), bb.getLong(16)));
				} catch (IOException e) {
					return size;
				}
				return size;
			}
		};
	}

	/** Nothing exists: every size comes from a declared maximum. */
	static FileProbe none() {
		return new FileProbe() {
			public OptionalLong size(String file) {
				return OptionalLong.empty();
			}

			public OptionalLong loadedSize(String file) {
				return OptionalLong.empty();
			}
		};
	}

	private static Path resolve(Path dir, String file) {
		if (file == null || dir == null) return null;
		try {
			return dir.resolve(file);
		} catch (java.nio.file.InvalidPathException e) {
			return null;
		}
	}
}
