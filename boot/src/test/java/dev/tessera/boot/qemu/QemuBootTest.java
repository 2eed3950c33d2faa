package dev.tessera.boot.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

class QemuBootTest {

	@Test
	void directRouteArguments() {
		QemuBoot b = QemuBoot.direct(Paths.get("/c/xen"), Paths.get("/c/host.dtb"))
				.loader(Paths.get("/c/Image"), 0x49000000L)
				.loader(Paths.get("/c/a,b.cpio.gz"), 0x4ac00000L)
				.build();
		List<String> a = b.arguments(Path.of("/w/serial.log"));
		assertEquals(QemuBoot.DEFAULT_MACHINE, a.subList(0, QemuBoot.DEFAULT_MACHINE.size()));
		List<String> rest = a.subList(QemuBoot.DEFAULT_MACHINE.size(), a.size());
		assertEquals(List.of("-serial", "file:/w/serial.log", "-kernel", "/c/xen", "-dtb", "/c/host.dtb",
				"-device", "loader,file=/c/Image,addr=0x49000000,force-raw=on",
				"-device", "loader,file=/c/a,,b.cpio.gz,addr=0x4ac00000,force-raw=on"), rest);
	}

	@Test
	void ubootRouteWithTftp() {
		QemuBoot b = QemuBoot.uboot(Paths.get("/u/u-boot.bin"), Paths.get("/w/flash1.img"))
				.tftp(Paths.get("/w/tftp"))
				.build();
		String joined = String.join(" ", b.arguments(Path.of("/w/s.log")));
		assertTrue(joined.contains("-bios /u/u-boot.bin -drive if=pflash,format=raw,unit=1,file=/w/flash1.img"), joined);
		assertTrue(joined.endsWith("-netdev user,id=n0,tftp=/w/tftp -device virtio-net-pci,netdev=n0"), joined);
		assertTrue(!joined.contains("-kernel"), joined);
	}

	@Test
	void defaultMachineIsTheReferenceMachine() {
		String m = String.join(" ", QemuBoot.DEFAULT_MACHINE);
		assertEquals("-machine virt,virtualization=on,gic-version=3 -cpu cortex-a57 -smp 2 -m 2048 "
				+ "-accel tcg,thread=multi -nographic -net none -monitor none -no-reboot", m);
	}
}
