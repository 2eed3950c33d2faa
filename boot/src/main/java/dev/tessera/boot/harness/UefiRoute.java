package dev.tessera.boot.harness;

import dev.tessera.core.plan.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tessera.boot.qemu.QemuBoot;
import dev.tessera.generators.tools.ToolFailedException;
import dev.tessera.process.ExternalProgram;

/**
 * The UEFI route: an EFI system partition with Xen as \EFI\BOOT\BOOTAA64.EFI, the generated xen.cfg beside it
 * as BOOTAA64.cfg, the generated UEFI device tree and every file the config and the tree name, booted by
 * Debian's AAVMF firmware. The partition is made without mounting (mkfs.vfat, mcopy from mtools).
 */
final class UefiRoute {
	static final Path CODE = Path.of("/usr/share/AAVMF/AAVMF_CODE.fd");
	static final Path VARS = Path.of("/usr/share/AAVMF/AAVMF_VARS.fd");
	private static final String DIR = "::/EFI/BOOT";

	private UefiRoute() {
	}

	static QemuBoot.Builder builder(PlanView plan, BootFolders f) throws IOException {
		Path out = f.out(), work = f.work();
		Map<String, Path> esp = new LinkedHashMap<>();
		esp.put("BOOTAA64.EFI", f.xen());
		esp.put("BOOTAA64.cfg", out.resolve(OutputFiles.UEFI_CONFIG));
		esp.put(OutputFiles.HOST_DTB, out.resolve(OutputFiles.UEFI_HOST_DTB));
		for (PlanView.Domain d : plan.loadedDomains()) {
			for (String file : new String[] { d.kernel(), d.ramdisk() })
				if (file != null) esp.putIfAbsent(file, f.inFiles(file));
			if (d.deviceTree() != null)
				esp.putIfAbsent(d.generatedDeviceTree() ? OutputFiles.uefiPartialDtbName(d.name()) : d.deviceTree(),
						d.generatedDeviceTree() ? out.resolve(OutputFiles.uefiPartialDtb(d.name())) : f.inFiles(d.deviceTree()));
		}
		// the FLASK policy, which xen.cfg's xsm= names
		if (plan.loads().stream().anyMatch(l -> l.generated() && l.file().equals(OutputFiles.XEN_POLICY)))
			esp.put(OutputFiles.XEN_POLICY, out.resolve(OutputFiles.UEFI_XEN_POLICY));
		long bytes = 64L << 20;
		for (Path p : esp.values()) bytes += Files.size(p);
		Path image = work.resolve("esp.img");
		Files.deleteIfExists(image);
		run(work, "mkfs.vfat", "dosfstools", "-C", image.toString(), Long.toString(bytes / 1024));
		run(work, "mmd", "mtools", "-i", image.toString(), "::/EFI", DIR);
		for (Map.Entry<String, Path> e : esp.entrySet()) {
			if (e.getKey().contains("/")) throw new ToolFailedException("UEFI boot files must sit beside Xen: '" + e.getKey() + "' names a folder");
			run(work, "mcopy", "mtools", "-i", image.toString(), e.getValue().toRealPath().toString(), DIR + "/" + e.getKey());
		}
		Path vars = work.resolve("AAVMF_VARS.fd");
		Files.copy(VARS, vars, StandardCopyOption.REPLACE_EXISTING);
		return QemuBoot.uefi(CODE, vars, image);
	}

	private static void run(Path dir, String program, String pkg, String... args) {
		ExternalProgram.Result r = new ExternalProgram(program, pkg).run(dir, args);
		if (r.exitCode() != 0) throw new ToolFailedException(program + " failed: " + r.stderr().strip());
	}
}
