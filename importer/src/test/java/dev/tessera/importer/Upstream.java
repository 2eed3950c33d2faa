package dev.tessera.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each board of the shipped library comes from: a device tree of the Linux kernel (Debian's linux-source-6.1,
 * extracted by scripts/linux-dts.sh) or the tree QEMU generates for its virt machine (dumpdtb).
 */
record Upstream(String board, String kernelFile, List<String> qemu) {
	static final String AAVMF = "/usr/share/AAVMF";

	static final List<Upstream> LIBRARY = List.of(
			kernel("rcar-h3-salvator-xs", "arch/arm64/boot/dts/renesas/r8a77951-salvator-xs.dts"),
			kernel("dra7-evm", "arch/arm/boot/dts/dra7-evm.dts"),
			kernel("exynos5250-arndale", "arch/arm/boot/dts/exynos5250-arndale.dts"),
			kernel("zcu102", "arch/arm64/boot/dts/xilinx/zynqmp-zcu102-rev1.0.dts"),
			kernel("imx8qm-mek", "arch/arm64/boot/dts/freescale/imx8qm-mek.dts"),
			kernel("rpi4", "arch/arm64/boot/dts/broadcom/bcm2711-rpi-4-b.dts"),
			new Upstream("qemu-virt", null, List.of("qemu-system-aarch64", "-machine", "virt,virtualization=on,gic-version=3", "-cpu",
					"cortex-a57", "-smp", "2", "-m", "2048")),
			new Upstream("qemu-virt-arm32", null, List.of("qemu-system-arm", "-machine", "virt,virtualization=on,highmem=off", "-cpu", "cortex-a15",
					"-smp", "2", "-m", "1024")),
			// with UEFI firmware in flash (Debian's AAVMF; %VARS% is a writable copy of its variable store)
			new Upstream("qemu-virt-efi", null, List.of("qemu-system-aarch64", "-machine", "virt,virtualization=on,gic-version=3", "-cpu",
					"cortex-a57", "-smp", "2", "-m", "2048", "-drive",
					"if=pflash,format=raw,unit=0,readonly=on,file=" + AAVMF + "/AAVMF_CODE.fd", "-drive", "if=pflash,format=raw,unit=1,file=%VARS%")));

	static Upstream kernel(String board, String file) {
		return new Upstream(board, file, null);
	}

	@Override
	public String toString() {
		return board;
	}

	/** The repository's root (the tests run in importer/). */
	static Path repo() {
		String env = System.getenv("TESSERA_REPO");
		Path p = env != null ? Path.of(env) : Path.of("").toAbsolutePath().getParent();
		return p.toAbsolutePath().normalize();
	}

	/** The kernel tree scripts/linux-dts.sh extracted; fails (never skips) when it is not there. */
	static Path kernelTree() {
		String env = System.getenv("TESSERA_LINUX_DTS"), cache = System.getenv("TESSERA_CACHE");
		Path p = env != null ? Path.of(env)
				: (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "tessera"))
						.resolve("linux-dts").resolve("current");
		if (!Files.isDirectory(p.resolve("arch/arm64/boot/dts")))
			throw new AssertionError("the kernel's device trees are not at " + p + ": run scripts/linux-dts.sh (scripts/test.sh does)");
		return p;
	}

	/** The upstream device tree: the kernel's .dts, or a .dtb QEMU dumps into {@code tmp}. */
	Path source(Path tmp) throws IOException, InterruptedException {
		if (kernelFile != null) return kernelTree().resolve(kernelFile);
		Path dtb = tmp.resolve(board + ".dtb");
		List<String> cmd = new ArrayList<>();
		for (String a : qemu) {
			if (a.contains("%VARS%")) {
				Path vars = tmp.resolve("AAVMF_VARS.fd");
				Path store = Path.of(AAVMF, "AAVMF_VARS.fd");
				if (!Files.isRegularFile(store))
					throw new AssertionError(store + " is missing: scripts/install-tools.sh --boot installs qemu-efi-aarch64");
				Files.copy(store, vars);
				a = a.replace("%VARS%", vars.toString());
			}
			cmd.add(a);
		}
		cmd.addAll(List.of("-nographic", "-machine", "dumpdtb=" + dtb));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().putAll(Map.of("LC_ALL", "C"));
		Process p;
		try {
			p = pb.start();
		} catch (IOException e) {
			throw new AssertionError(qemu.get(0) + " is not installed: scripts/install-tools.sh --boot installs it", e);
		}
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0 || !Files.isRegularFile(dtb)) throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
		return dtb;
	}
}
