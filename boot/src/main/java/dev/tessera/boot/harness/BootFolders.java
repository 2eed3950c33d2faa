package dev.tessera.boot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a boot's files are: {@code out} the generated output, {@code files} the files folder (the harness's links and
 * initramfs with --marker, else the user's), {@code xen} the Xen image to boot, {@code work} the run's own folder.
 */
record BootFolders(Path out, Path files, Path xen, Path work) {
	/** Where a file the boot loader loads comes from: the generated output when Tessera wrote it, else the files folder. */
	Path source(PlanView.Load m) throws IOException {
		Path generated = out.resolve(m.file());
		return m.generated() && Files.exists(generated) ? generated : FileLinks.inside(files, m.file());
	}

	Path inFiles(String name) throws IOException {
		return FileLinks.inside(files, name);
	}
}
