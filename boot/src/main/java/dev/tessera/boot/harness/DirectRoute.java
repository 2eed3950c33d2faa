package dev.tessera.boot.harness;

import dev.tessera.core.plan.OutputFiles;
import java.io.IOException;

import dev.tessera.boot.qemu.QemuBoot;

/** QEMU loads Xen (-kernel), the generated host DTB (-dtb) and every module at its planned address. */
final class DirectRoute {
	private DirectRoute() {
	}

	static QemuBoot.Builder builder(PlanView plan, BootFolders f) throws IOException {
		QemuBoot.Builder b = QemuBoot.direct(f.xen(), f.out().resolve(OutputFiles.HOST_DTB));
		for (PlanView.Load m : plan.loads())
			if (!m.xen()) b.loader(f.source(m), m.address());
		return b;
	}
}
