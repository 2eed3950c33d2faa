package dev.tessera.importer;

import java.util.List;
import java.util.Set;

import dev.tessera.model.DeviceKind;

/**
 * What kind a device is, and whether it masters the bus (DMA), from its compatible strings and the generic node
 * names of the Devicetree specification. A device tree does not say whether a device does DMA: Tessera takes a
 * device as DMA-capable when it is behind an IOMMU, is a DMA controller, or is of a class that masters the bus
 * (network, storage, USB, PCIe, display, GPU, video, crypto engines, virtio). Engineers correct it by hand.
 */
public final class DeviceClassifier {
	private static final Set<String> ARCH_TIMERS = Set.of("arm,armv8-timer", "arm,armv7-timer", "arm,armv7-timer-mem");
	private static final Set<String> BUS_MASTER_NAMES = Set.of("ethernet", "mmc", "sdhci", "sata", "usb", "pcie", "pci", "gpu",
			"display-controller", "display", "dma-controller", "dma", "ufs", "video-codec", "vpu", "npu", "crypto", "video",
			"isp", "jpeg", "jpu", "fdp", "vsp", "fcp", "imr", "mlb", "gem", "dwc3", "dss", "vop", "gmac", "nand-controller",
			"hdmi", "lcd-controller", "vin", "camera", "fw-cfg", "virtio_mmio");
	private static final List<String> BUS_MASTER_COMPATIBLE = List.of("virtio,mmio", "qemu,fw-cfg-mmio", "pci-host-",
			"generic-xhci", "generic-ehci", "generic-ohci", "snps,dwc3", "snps,dwmac", "cdns,gem", "cdns,macb", "-sdhci",
			"-sdhi", "-xhci", "-ehci", "-ohci", "-ahci", "-dwc3", "-dmac", "-sata", "-ufs", "-fec", "-enet", "-du",
			"-vsp", "-fcp", "-mali", "-gpu", "-v3d", "-vc4", "-hdmi", "-pcie", "-usb", "-mmc", "hsmmc", "usdhc", "cpsw",
			"-genet", "-ravb", "-dwmac", "-gether", "-dss", "-mixer", "-fimd", "-mdma", "-pdma", "-mfc", "-jpeg", "-g2d", "-gsc", "-rotator", "-tmio");

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

	/** The device masters the bus (see the class comment for how that is decided). */
	public static boolean dma(DtNode n, boolean behindIommu) {
		if (behindIommu || n.has("#dma-cells")) return true;
		if (n.baseName().contains("phy") || n.compatible().stream().anyMatch(c -> c.contains("phy"))) return false;
		if (BUS_MASTER_NAMES.contains(n.baseName())) return true;
		for (String c : n.compatible())
			for (String m : BUS_MASTER_COMPATIBLE)
				if (c.contains(m)) return true;
		return false;
	}
}
