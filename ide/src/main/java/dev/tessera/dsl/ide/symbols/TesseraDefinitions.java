package dev.tessera.dsl.ide.symbols;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.lsp4j.Location;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Go to definition. A shipped board lives inside the tessera jar, where no editor can open it: its file is copied
 * once to a read-only file under the temporary folder ({@code tessera-boards/}) and the definition points there.
 */
public class TesseraDefinitions extends DocumentSymbolService {
	private static final Map<String, String> COPIES = new ConcurrentHashMap<>();

	@Override
	public List<? extends Location> getDefinitions(XtextResource resource, int offset, IResourceAccess access, CancelIndicator cancel) {
		List<? extends Location> found = super.getDefinitions(resource, offset, access, cancel);
		List<Location> out = new ArrayList<>();
		URIConverter converter = resource.getResourceSet() != null ? resource.getResourceSet().getURIConverter() : URIConverter.INSTANCE;
		for (Location l : found) {
			URI uri = URI.createURI(l.getUri());
			if (uri.isFile() || uri.isPlatform()) out.add(l);
			else {
				String copy = materialize(uri, converter);
				out.add(copy == null ? l : new Location(copy, l.getRange()));
			}
		}
		return out;
	}

	static String materialize(URI uri, URIConverter converter) {
		return COPIES.computeIfAbsent(uri.toString(), key -> {
			try (InputStream in = converter.createInputStream(uri)) {
				byte[] bytes = in.readAllBytes();
				String hash = Integer.toHexString(new String(bytes, StandardCharsets.UTF_8).hashCode());
				Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tessera-boards", hash);
				Files.createDirectories(dir);
				Path file = dir.resolve(uri.lastSegment());
				if (!Files.exists(file)) {
					Path tmp = Files.createTempFile(dir, "board", ".tmp");
					Files.write(tmp, bytes);
					Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
					file.toFile().setReadOnly();
				}
				return URI.createFileURI(file.toString()).toString();
			} catch (IOException | RuntimeException e) {
				return null;
			}
		});
	}
}
