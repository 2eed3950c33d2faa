package dev.tessera.generators.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Output is written into a staging folder beside the target and moved into place only when everything
 * succeeded: a failed run leaves the target as it was (or absent), never half-written.
 * <p>
 * The commit swaps the complete staging folder with the old output in one step where the system can
 * ({@link DirectoryExchange}, Linux): the output path holds the complete old output or the complete new one at every
 * instant. Elsewhere it is three renames: the staging folder becomes {@code .NAME.ready-*}, the old output
 * {@code .NAME.old-*}, the ready folder the output; a run killed between them leaves the output folder missing until
 * the next run beside it finds the ready folder (the complete new output) or else the old one and moves it back in
 * before anything else. Every run also removes what killed runs left: old folders, and staging folders whose
 * writing process is gone (the folder is named after it) or that are older than {@link #STALE_AFTER_MS}.
 */
public final class StagedOutput implements AutoCloseable {
	private final Path target;
	private final Path staging;
	private final boolean part;
	private boolean committed;

	/** A staging folder this old belongs to a run that was killed: rendering takes seconds. */
	static final long STALE_AFTER_MS = 10 * 60 * 1000;

	public StagedOutput(Path target) {
		this.target = target.toAbsolutePath().normalize();
		try {
			Path parent = this.target.getParent();
			Files.createDirectories(parent);
			recover(this.target);
			this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".tessera-" + ProcessHandle.current().pid() + "-");
		} catch (IOException e) {
			throw new UncheckedIOException("cannot create a staging folder beside " + target, e);
		}
		this.part = false;
	}

	private StagedOutput(Path folder, boolean part) {
		this.target = folder;
		this.staging = folder;
		this.part = part;
	}

	/**
	 * A folder inside this output that a renderer fills as if it were an output of its own (one product of a line):
	 * it is written with the rest, by this output's one commit.
	 */
	public StagedOutput folder(String name) {
		Path p = file(name);
		try {
			Files.createDirectories(p);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new StagedOutput(p, true);
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

	/**
	 * Replaces the target with the staged folder: one rename when there is no old output, one exchange of the two
	 * folders where the system has it, else three renames that the next run repairs if killed between them.
	 */
	public void commit() {
		if (part) throw new IllegalStateException("a folder of an output is committed with the output");
		try {
			reached("staged");
			if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				move(staging, target);
				committed = true;
				reached("committed");
				return;
			}
			if (DirectoryExchange.swap(staging, target)) {
				committed = true; // the staging path now holds the old output
				reached("swapped");
				Path old = sibling(target, ".old-");
				move(staging, old); // a name the next run removes at once, should this one die here
				deleteTree(old);
				return;
			}
			Path ready = sibling(target, ".ready-");
			move(staging, ready);
			Path old = sibling(target, ".old-");
			move(target, old);
			reached("old-moved-away");
			move(ready, target);
			committed = true;
			reached("committed");
			deleteTree(old);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot move the output into " + target, e);
		}
	}

	/** Called at each step of a commit; the kill tests stop a real process there. */
	static volatile java.util.function.Consumer<String> steps = step -> {
	};

	private static void reached(String step) {
		steps.accept(step);
	}

	/** A fresh name beside the target, .NAME + infix + random, that does not exist. */
	private static Path sibling(Path target, String infix) throws IOException {
		Path p = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + infix);
		Files.delete(p);
		return p;
	}

	/** Puts back the output a killed commit left beside the target, and removes what killed runs left. */
	static void recover(Path target) throws IOException {
		String name = "." + target.getFileName();
		java.util.List<Path> ready = new java.util.ArrayList<>(), old = new java.util.ArrayList<>(), staged = new java.util.ArrayList<>();
		try (var siblings = Files.list(target.getParent())) {
			for (Path p : siblings.toList()) {
				String n = p.getFileName().toString();
				if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
				if (n.startsWith(name + ".ready-")) ready.add(p);
				else if (n.startsWith(name + ".old-")) old.add(p);
				else if (n.startsWith(name + ".tessera-")) staged.add(p);
			}
		}
		if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			// the newest complete output wins: a ready folder was complete when it got its name
			java.util.List<Path> candidates = !ready.isEmpty() ? ready : old;
			candidates.sort(java.util.Comparator.comparing(StagedOutput::modified).reversed());
			if (!candidates.isEmpty()) {
				move(candidates.get(0), target);
				candidates.remove(0);
			}
		}
		for (Path p : ready) if (Files.exists(p)) deleteTree(p);
		for (Path p : old) if (Files.exists(p)) deleteTree(p);
		long now = System.currentTimeMillis();
		for (Path p : staged) if (!writerAlive(p, name) || now - modified(p).toMillis() > STALE_AFTER_MS) deleteTree(p);
	}

	/** A staging folder is named after the process writing it: .NAME.tessera-PID-random. */
	private static boolean writerAlive(Path staging, String name) {
		String rest = staging.getFileName().toString().substring((name + ".tessera-").length());
		int dash = rest.indexOf('-');
		try {
			return ProcessHandle.of(Long.parseLong(rest.substring(0, Math.max(dash, 0)))).map(ProcessHandle::isAlive).orElse(false);
		} catch (NumberFormatException e) {
			return true; // not ours to judge by name: only its age decides
		}
	}

	private static java.nio.file.attribute.FileTime modified(Path p) {
		try {
			return Files.getLastModifiedTime(p);
		} catch (IOException e) {
			return java.nio.file.attribute.FileTime.fromMillis(0);
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
		if (!committed && !part) deleteTree(staging);
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
