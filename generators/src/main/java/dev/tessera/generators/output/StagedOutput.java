package dev.tessera.generators.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Output is written into a staging folder beside the target and moved into place only when everything
 * succeeded: a failed run leaves the target as it was (or absent), never half-written.
 */
public final class StagedOutput implements AutoCloseable {
	private final Path target;
	private final Path staging;
	private boolean committed;

	public StagedOutput(Path target) {
		this.target = target.toAbsolutePath().normalize();
		try {
			Path parent = this.target.getParent();
			Files.createDirectories(parent);
			this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".tessera-");
		} catch (IOException e) {
			throw new UncheckedIOException("cannot create a staging folder beside " + target, e);
		}
	}

	public Path dir() {
		return staging;
	}

	/** The file for a relative output path; refuses any path that would leave the output folder. */
	public Path file(String relative) {
		Path p = staging.resolve(relative).normalize();
		if (!p.startsWith(staging) || relative.startsWith("/"))
			throw new IllegalArgumentException("output path '" + relative + "' would leave the output folder");
		return p;
	}

	public void write(String relative, String content) {
		write(relative, content.getBytes(StandardCharsets.UTF_8));
	}

	public void write(String relative, byte[] content) {
		Path p = file(relative);
		try {
			Files.createDirectories(p.getParent());
			Files.write(p, content);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Replaces the target with the staged folder. */
	public void commit() {
		try {
			Path old = null;
			if (Files.exists(target)) {
				old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
				Files.delete(old);
				move(target, old);
			}
			move(staging, target);
			committed = true;
			if (old != null) deleteTree(old);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot move the output into " + target, e);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to);
		}
	}

	@Override
	public void close() {
		if (!committed) deleteTree(staging);
	}

	static void deleteTree(Path root) {
		if (!Files.exists(root)) return;
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
