package dev.tessera.boot.qemu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tessera.process.ExternalProgram;

/**
 * A U-Boot environment for QEMU virt's second flash bank: {@code mkenvimage -s 0x40000} of
 * {@code key=value} lines, at the start of a 64 MiB image given to QEMU as
 * {@code -drive if=pflash,format=raw,unit=1,file=...}. U-Boot (qemu_arm64) reads it at start, so
 * its {@code bootcmd} runs with no one at the console.
 */
public final class UBootEnvironment {

	/** The size of the environment U-Boot's qemu_arm64 build expects. */
	public static final int ENV_SIZE = 0x40000;
	/** Each QEMU virt flash bank is exactly 64 MiB. */
	public static final long FLASH_SIZE = 64L * 1024 * 1024;
	/** QEMU's built-in user-mode network: guest address and TFTP server. */
	public static final String QEMU_USER_GUEST_IP = "10.0.2.15";
	public static final String QEMU_USER_SERVER_IP = "10.0.2.2";

	private final Map<String, String> vars = new LinkedHashMap<>();

	public UBootEnvironment() {
		vars.put("bootdelay", "0");
		vars.put("fdt_addr", "0x" + Long.toHexString(QemuBoot.UBOOT_FDT_ADDR));
	}

	public UBootEnvironment set(String key, String value) {
		if (key.contains("=") || value.contains("\n")) {
			throw new IllegalArgumentException("bad U-Boot variable " + key);
		}
		vars.put(key, value);
		return this;
	}

	/** {@code bootcmd} sources a script image ({@code mkimage -T script}) that a loader put at {@code addr}. */
	public static UBootEnvironment sourceFromRam(long scriptAddr) {
		return new UBootEnvironment().set("bootcmd", "source 0x" + Long.toHexString(scriptAddr));
	}

	/**
	 * {@code bootcmd} fetches {@code fileName} from QEMU's built-in TFTP server to
	 * {@code scriptAddr} and sources it (the boot needs {@link QemuBoot.Builder#tftp}).
	 */
	public static UBootEnvironment sourceFromTftp(String fileName, long scriptAddr) {
		String addr = "0x" + Long.toHexString(scriptAddr);
		return new UBootEnvironment()
				.set("ipaddr", QEMU_USER_GUEST_IP)
				.set("serverip", QEMU_USER_SERVER_IP)
				.set("netmask", "255.255.255.0")
				.set("bootcmd", "pci enum; tftpb " + addr + " " + fileName + "; source " + addr);
	}

	public Map<String, String> variables() {
		return Map.copyOf(vars);
	}

	/** The environment as text, one {@code key=value} a line (mkenvimage's input). */
	public String text() {
		StringBuilder b = new StringBuilder();
		vars.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		return b.toString();
	}

	/** Writes the 64 MiB flash image (runs {@code mkenvimage}). */
	public Path writeFlash(Path flashImage) throws IOException {
		Path dir = flashImage.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path txt = dir.resolve(flashImage.getFileName() + ".env.txt");
		Path env = dir.resolve(flashImage.getFileName() + ".env.bin");
		Files.writeString(txt, text(), StandardCharsets.UTF_8);
		new ExternalProgram("mkenvimage", "u-boot-tools")
				.run(null, "-s", "0x" + Integer.toHexString(ENV_SIZE), "-o", env.toString(), txt.toString()).requireSuccess();
		byte[] envBytes = Files.readAllBytes(env);
		try (RandomAccessFile f = new RandomAccessFile(flashImage.toFile(), "rw")) {
			f.setLength(0);
			f.write(envBytes);
			f.setLength(FLASH_SIZE);
		}
		return flashImage;
	}
}
