package dev.tessera.dsl.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * A .tess file saved with a UTF-8 byte-order mark (as some Windows editors do) reads as if it had none: the mark is
 * no character of the language, and the parser would otherwise stop at it and call the file empty.
 */
public class BomSkippingResource extends LazyLinkingResource {
	@Override
	protected void doLoad(InputStream in, Map<?, ?> options) throws IOException {
		BufferedInputStream b = new BufferedInputStream(in);
		b.mark(3);
		if (!(b.read() == 0xEF && b.read() == 0xBB && b.read() == 0xBF)) b.reset();
		super.doLoad(b, options);
	}
}
