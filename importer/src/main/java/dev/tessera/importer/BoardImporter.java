package dev.tessera.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tessera.model.Arch;
import dev.tessera.model.Board;

/**
 * Imports a board from a device tree: a kernel-style .dts (preprocessed like the kernel's build does, then read
 * with dtc) or a .dtb. The result is a Tessera board, its readable .tess text, and the self-contained flattened
 * device tree that Xen boots with.
 */
public final class BoardImporter {
	/**
	 * What to import.
	 *
	 * @param includeDirs      extra include directories (the kernel's are added when the source is in a kernel tree)
	 * @param boardName        the board's name in Tessera
	 * @param deviceTreeFile   the flattened tree's file name, written into the board as {@code device-tree}
	 * @param sources          provenance lines; when empty the kernel file and version (or the file's name) are used
	 * @param arch             null to take it from the source's place (arch/arm64, arch/arm) or the CPUs
	 */
	public record Request(Path input, List<Path> includeDirs, String boardName, String deviceTreeFile, List<String> sources, Arch arch) {
	}

	/** An imported board, its .tess text, its flattened device tree, and the warnings met on the way. */
	public record Result(Board board, String boardText, String deviceTree, List<DtDiagnostic> warnings) {
	}

	private final Preprocessor preprocessor = new Preprocessor();
	private final DtcReader dtc = new DtcReader();
	private final java.util.Set<String> keywords;

	public BoardImporter() {
		this(java.util.Set.of());
	}

	/** @param keywords the keywords of the language the board is written in (names equal to one are escaped) */
	public BoardImporter(java.util.Set<String> keywords) {
		java.util.Set<String> all = new java.util.HashSet<>(Names.KEYWORDS);
		all.addAll(keywords);
		this.keywords = java.util.Set.copyOf(all);
	}

	public Result importBoard(Request req) throws ImportException {
		Path input = req.input();
		String shown = input.toString();
		if (!Files.isRegularFile(input) || !Files.isReadable(input))
			throw new ImportException(new DtDiagnostic(DtDiagnostic.Severity.ERROR, shown, 0, null, "no such file"));
		for (Path d : req.includeDirs())
			if (!Files.isDirectory(d))
				throw new ImportException(new DtDiagnostic(DtDiagnostic.Severity.ERROR, d.toString(), 0, null,
						"include directory does not exist"));
		Optional<KernelTree> kernel = KernelTree.containing(input);
		List<Path> includes = new ArrayList<>(req.includeDirs());
		kernel.ifPresent(k -> includes.add(k.includePrefixes()));

		Read read = read(input, includes, shown);
		List<DtDiagnostic> diagnostics = new ArrayList<>();
		BoardBuilder.Built built = new BoardBuilder(read.tree(), diagnostics).build(req.boardName(), req.arch());
		List<DtDiagnostic> errors = diagnostics.stream().filter(DtDiagnostic::isError).toList();
		if (!errors.isEmpty()) throw new ImportException(errors);

		Board board = built.board();
		List<String> sources = req.sources().isEmpty()
				? List.of(kernel.map(k -> k.describe(input)).orElse(input.getFileName().toString()))
				: req.sources();
		board.getSources().addAll(sources);
		board.setDeviceTree(req.deviceTreeFile());
		List<String> header = new ArrayList<>();
		header.add((board.getDescription() != null ? board.getDescription() : board.getName()) + ".");
		header.add("Imported by `tessera board import` from " + String.join("; ", sources) + ".");
		if (req.deviceTreeFile() != null)
			header.add("Xen boots with " + req.deviceTreeFile() + " beside this file: the same tree, "
					+ (DtcReader.isBlob(input) ? "decompiled by dtc." : "preprocessed and flattened by dtc."));
		String text = BoardWriter.write(board, header, built.remarks(), keywords, built.dma(), built.needReasons());
		String dts = deviceTreeHeader(sources, DtcReader.isBlob(input)) + withoutRandomSeeds(read.flattened());
		return new Result(board, text, dts, diagnostics.stream().filter(d -> !d.isError()).toList());
	}

	/** Reads the tree alone (for the benchmark and tests): preprocessing, dtc, parsing. */
	public DtTree readTree(Path input, List<Path> includeDirs) throws ImportException {
		List<Path> includes = new ArrayList<>(includeDirs);
		KernelTree.containing(input).ifPresent(k -> includes.add(k.includePrefixes()));
		return read(input, includes, input.toString()).tree();
	}

	/** Reads the tree and builds the board, without writing anything (for the benchmark): the diagnostics found. */
	public List<DtDiagnostic> check(Path input, List<Path> includeDirs) throws ImportException {
		DtTree tree = readTree(input, includeDirs);
		List<DtDiagnostic> diagnostics = new ArrayList<>();
		new BoardBuilder(tree, diagnostics).build("board", null);
		return diagnostics;
	}

	private record Read(DtTree tree, String flattened) {
	}

	private Read read(Path input, List<Path> includes, String shown) throws ImportException {
		Path tmp = null;
		try {
			Path dtcInput = input;
			if (Preprocessor.needed(input)) {
				tmp = Files.createTempFile("tessera-import-", ".dts.pp");
				preprocessor.preprocess(input.toAbsolutePath(), includes, tmp);
				dtcInput = tmp;
			}
			List<Path> dtcIncludes = new ArrayList<>();
			dtcIncludes.add(input.toAbsolutePath().getParent());
			dtcIncludes.addAll(includes);
			String annotated = dtc.annotated(dtcInput, dtcIncludes, shown);
			DtTree tree = DtsParser.parse(annotated, shown);
			String flattened = dtc.flattened(dtcInput, dtcIncludes, shown);
			return new Read(tree, flattened);
		} catch (IOException e) {
			throw new ImportException(new DtDiagnostic(DtDiagnostic.Severity.ERROR, shown, 0, null, "cannot read: " + e.getMessage()));
		} finally {
			if (tmp != null) try {
				Files.deleteIfExists(tmp);
			} catch (IOException e) {
				// a temporary file left behind is harmless
			}
		}
	}

	private static String deviceTreeHeader(List<String> sources, boolean blob) {
		StringBuilder b = new StringBuilder();
		b.append(blob ? "// Decompiled by `tessera board import` (dtc) from\n"
				: "// Flattened by `tessera board import` (cpp and dtc, as the kernel builds it) from\n");
		for (String s : sources) b.append("//   ").append(s).append('\n');
		b.append("// Do not edit: import the board again instead.\n");
		return b.toString();
	}

	/** Random per-boot values (QEMU's dumps have them) are no board fact: they would make every import differ. */
	static String withoutRandomSeeds(String dts) {
		StringBuilder out = new StringBuilder();
		for (String line : dts.split("\n", -1)) {
			String t = line.strip();
			if (t.startsWith("rng-seed = ") || t.startsWith("kaslr-seed = ")) continue;
			out.append(line).append('\n');
		}
		return out.substring(0, out.length() - 1);
	}
}
