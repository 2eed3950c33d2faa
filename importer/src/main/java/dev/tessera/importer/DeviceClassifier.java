package dev.tessera.importer;

import java.util.List;
import java.util.Set;

import dev.tessera.model.DeviceKind;

/**
 * What kind a device is, from its compatible strings and the generic node names of the Devicetree specification.
 * Whether it masters the bus is not guessed from names: {@link BusMastering} decides it from facts.
 */
public final class DeviceClassifier {
	private static final Set<String> ARCH_TIMERS = Set.of("arm,armv8-timer", "arm,armv7-timer", "arm,armv7-timer-mem");
	private DeviceClassifier() {
	}

	public static DeviceKind kind(DtNode n) {
		String name = n.baseName();
		List<String> compatible = n.compatible();
		if (compatible.stream().anyMatch(ARCH_TIMERS::contains)) return DeviceKind.TIMER;
		if (GpuRecognizer.recognise(n).isPresent()) return DeviceKind.GPU;
		if (name.equals("serial") || name.equals("uart") || compatible.stream().anyMatch(c -> c.contains("uart") || c.endsWith(",pl011")
				|| c.contains(",scif") || c.contains(",hscif") || c.equals("ns16550a") || c.equals("ns16550") || c.contains("serial")))
			return DeviceKind.UART;
		if (name.equals("can") || compatible.stream().anyMatch(c -> c.contains("-can") || c.contains(",can") || c.contains("m_can")
				|| c.contains("d_can") || c.contains("canfd") || c.contains("flexcan")))
			return DeviceKind.CAN;
		if (name.equals("ethernet") || compatible.stream().anyMatch(c -> c.contains("ravb") || c.contains("ethernet") || c.contains("gem")
				&& c.startsWith("cdns") || c.contains("-fec") || c.contains("genet") || c.contains("gmac") || c.contains("dwmac")))
			return DeviceKind.NETWORK;
		if (Set.of("mmc", "sata", "ufs", "flash", "nand-controller", "nand", "storage").contains(name)
				|| compatible.stream().anyMatch(c -> c.contains("sdhi") || c.contains("sdhci") || c.contains("-ahci") || c.contains("usdhc")
						|| c.contains("-mmc") || c.equals("cfi-flash") || c.contains("-ufs") || c.contains("dw-mshc")))
			return DeviceKind.STORAGE;
		if (Set.of("display-controller", "display", "hdmi", "lcd-controller", "dss", "vop", "dpu", "lcdc", "dsi").contains(name)
				|| compatible.stream().anyMatch(c -> c.endsWith("-du") || c.contains(",du-") || c.contains("-dss") || c.contains("-hdmi")
						|| c.contains("fimd") || c.contains("-dpu") || c.contains("vc4") && !c.contains("v3d")))
			return DeviceKind.DISPLAY;
		if (Set.of("sound", "i2s", "audio-controller", "spdif", "audio").contains(name)
				|| compatible.stream().anyMatch(c -> c.contains("-sound") || c.contains("i2s") || c.contains("mcasp") || c.contains("-audio")))
			return DeviceKind.AUDIO;
		if (name.equals("gpio") || n.has("gpio-controller") && compatible.stream().anyMatch(c -> c.contains("gpio")))
			return DeviceKind.GPIO;
		return DeviceKind.GENERIC;
	}
}
