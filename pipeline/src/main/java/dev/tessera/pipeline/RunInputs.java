package dev.tessera.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

import dev.tessera.core.resolve.BootFileSearch;
import dev.tessera.dsl.scoping.BoardLibrary;
import dev.tessera.generators.manifest.ManifestWriter;
import dev.tessera.model.Board;

/**
 * Every file a run read, for the build: the .tess files (the system's, its imports, a board of the user's), the
 * board's device tree, the boot files it measured. A file of the shipped library has no path of the user's: it is
 * named {@code tessera:boards/<file>}, and its digest says which one it was.
 */
public final class RunInputs {
	/**
	 * @param kind   "tess", "device-tree" or "boot-file"
	 * @param path   where it is on disk, or null for a file of the shipped library
	 * @param name   the library file's name ({@code tessera:boards/qemu-virt.tess}), or null
	 * @param sha256 its content's digest
	 */
	public record Input(String kind, Path path, String name, String sha256) {
	}

	private RunInputs() {
	}

	static List<Input> of(Pipeline.LoadedSystem loaded, Board board, byte[] boardDts, BootFileSearch search) {
		List<Input> out = new ArrayList<>();
		for (Resource r : loaded.loaded().resource().getResourceSet().getResources()) {
			URI uri = r.getURI();
			if (uri == null || !"tess".equals(uri.fileExtension())) continue;
			out.add(of("tess", uri, r));
		}
		if (board != null && board.eResource() != null && board.getDeviceTree() != null) {
			URI dts = URI.createURI(board.getDeviceTree()).resolve(board.eResource().getURI());
			out.add(dts.isFile() && !BoardLibrary.contains(dts) ? new Input("device-tree", Path.of(dts.toFileString()).toAbsolutePath().normalize(), null, sha256(boardDts))
					: new Input("device-tree", null, "tessera:boards/" + dts.lastSegment(), sha256(boardDts)));
		}
		for (Map.Entry<String, Path> f : search.found().entrySet()) out.add(new Input("boot-file", f.getValue(), null, sha256(f.getValue())));
		return out;
	}

	/**
	 * Paths below the system file's folder relative to it, so that the manifest is the same in every checkout; others
	 * (a deploy folder's kernel) as they are.
	 */
	static List<ManifestWriter.Input> forManifest(List<Input> inputs, Path systemFile) {
		Path base = systemFile.toAbsolutePath().normalize().getParent();
		List<ManifestWriter.Input> out = new ArrayList<>();
		for (Input i : inputs) {
			String path = i.name();
			if (path == null) {
				Path p = i.path();
				path = (base != null && p.startsWith(base) ? base.relativize(p) : p).toString().replace('\\', '/');
			}
			out.add(new ManifestWriter.Input(path, i.kind(), i.sha256()));
		}
		return out;
	}

	private static Input of(String kind, URI uri, Resource r) {
		// the library is named the same whether it is read from Tessera's jar or from a build's classes folder
		if (uri.isFile() && !BoardLibrary.contains(uri)) {
			Path p = Path.of(uri.toFileString()).toAbsolutePath().normalize();
			return new Input(kind, p, null, sha256(p));
		}
		byte[] content;
		try (InputStream in = r.getResourceSet().getURIConverter().createInputStream(uri)) {
			content = in.readAllBytes();
		} catch (IOException e) {
			content = new byte[0];
		}
		return new Input(kind, null, "tessera:boards/" + uri.lastSegment(), sha256(content));
	}

	static String sha256(Path p) {
		try {
			return sha256(Files.readAllBytes(p));
		} catch (IOException e) {
			return "";
		}
	}

	static String sha256(byte[] content) {
		return ManifestWriter.sha256(content);
	}

}
