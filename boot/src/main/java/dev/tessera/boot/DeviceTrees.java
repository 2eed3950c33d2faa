package dev.tessera.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** QEMU's own device tree as a starting point for a host tree, and {@code dtc} to compile one. */
public final class DeviceTrees {

    private DeviceTrees() {
    }

    /**
     * Dumps the device tree QEMU builds for these machine options ({@code -machine dumpdtb=}) and
     * converts it to source with {@code dtc}. Use the same options as the boot: the tree depends on
     * them (CPUs, memory, GIC, firmware).
     */
    public static String dumpQemuDts(String qemuBinary, List<String> machine, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path dtb = workDir.resolve("qemu-virt.dtb").toAbsolutePath();
        Path dts = workDir.resolve("qemu-virt.dts").toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(qemuBinary);
        cmd.addAll(machine);
        cmd.add("-machine");
        cmd.add("dumpdtb=" + dtb);
        HostTool.check(workDir, Duration.ofMinutes(1), cmd);
        HostTool.check(workDir, Duration.ofMinutes(1),
                List.of("dtc", "-q", "-I", "dtb", "-O", "dts", "-o", dts.toString(), dtb.toString()));
        return Files.readString(dts);
    }

    /** Compiles a device tree source to a blob ({@code dtc -I dts -O dtb}). */
    public static Path compile(String dtsSource, Path dtb) throws IOException {
        Path dir = dtb.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path dts = dir.resolve(dtb.getFileName().toString().replaceAll("\\.dtb$", "") + ".dts");
        Files.writeString(dts, dtsSource);
        HostTool.check(dir, Duration.ofMinutes(1),
                List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb.toAbsolutePath().toString(), dts.toString()));
        return dtb;
    }
}
