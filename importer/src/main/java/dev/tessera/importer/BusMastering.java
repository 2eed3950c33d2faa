package dev.tessera.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a device masters the bus (does DMA itself), from facts of its node, each verdict with its reason. A
 * device tree does not say it in one property; these do (sources are Linux 6.1's, Debian linux-source-6.1):
 * <ol>
 * <li>{@code iommus}: "Devices that access memory through an IOMMU are called masters"
 * (Documentation/devicetree/bindings/iommu/iommu.txt, "IOMMU master node"); likewise a PCI host whose
 * {@code iommu-map} names an IOMMU (bindings/pci/pci-iommu.txt).</li>
 * <li>{@code #dma-cells} without {@code dma-masters}: a DMA controller (bindings/dma/dma-controller.yaml), which
 * does the transfers itself. With {@code dma-masters} it is a DMA router (bindings/dma/dma-router.yaml: "transparent
 * IP blocks used to route DMA request lines from devices to the DMA controller"): not a master.</li>
 * <li>{@code device_type = "pci"}: a PCI host bridge (bindings/pci/pci.txt, host-generic-pci.yaml); the endpoints
 * behind it master the bus through it.</li>
 * <li>{@code dma-coherent}: the node declares that its DMA is cache-coherent, which only a device that does DMA
 * needs (dt-schema's dt-core.yaml; Linux reads it in drivers/of/address.c, of_dma_is_coherent).</li>
 * <li>a compatible of {@link #TABLE}: bindings whose hardware is known to master the bus, each row with the binding
 * and the driver that shows it.</li>
 * </ol>
 * <b>{@code dmas} is not one of them.</b> It makes the node a <i>client</i> of a DMA controller ("a hardware device
 * to a DMA controller", bindings/dma/dma-common.yaml): the controller moves the data between memory and the
 * device's FIFO, and Linux maps the buffers for the controller's device, not the client's
 * (Documentation/driver-api/dmaengine/client.rst: the buffers are mapped with {@code dmaengine_get_dma_device},
 * the channel's device). The bus master is the controller, which rule 2 flags; R-Car's tree says the same thing by
 * putting {@code iommus} on the DMA controllers (rcar-dmac), never on their SCIF, MSIOF or sound clients. A client
 * passed to a guest without its controller cannot do DMA at all; with it, the controller's own flag is checked. So a
 * node with {@code dmas} and no other fact stays <i>unknown</i>, its reason naming the controller it depends on.
 * <p>
 * Anything else is unknown: neither "master" nor "not a master" is known.
 */
public final class BusMastering {
	/** What is known. */
	public enum State {
		MASTER, NOT_MASTER, UNKNOWN
	}

	/** A verdict and why. */
	public record Verdict(State state, String reason) {
		public boolean master() {
			return state == State.MASTER;
		}
	}

	/**
	 * A binding whose hardware masters the bus.
	 *
	 * @param compatibles the compatible strings (exact) it matches
	 * @param what        what the hardware does with memory, in a few words
	 * @param source      the binding under Documentation/devicetree/bindings and the Linux 6.1 driver that shows it
	 */
	public record Binding(List<String> compatibles, String what, String source) {
	}

	/**
	 * Bindings whose hardware is known not to master the bus: bus slaves by their technical reference manual. A client of
	 * a DMA controller among them (the PL011) still does DMA only through that controller.
	 */
	public static final List<Binding> SLAVES = List.of(
			new Binding(List.of("arm,pl011"), "an AMBA APB slave; it does DMA only through a DMA controller's request lines",
					"Arm PrimeCell UART (PL011) Technical Reference Manual, DDI 0183; bindings/serial/pl011.yaml"),
			new Binding(List.of("arm,pl031"), "an AMBA APB slave", "Arm PrimeCell RTC (PL031) Technical Reference Manual, DDI 0224; bindings/rtc/arm,pl031.yaml"),
			new Binding(List.of("arm,pl061"), "an AMBA APB slave", "Arm PrimeCell GPIO (PL061) Technical Reference Manual, DDI 0190; bindings/gpio/pl061-gpio.yaml"));

	/** Bindings known to master the bus: each row cites the binding that defines the compatible and the driver. */
	public static final List<Binding> TABLE = List.of(
			// storage
			new Binding(List.of("generic-ahci", "snps,dwc-ahci", "ceva,ahci-1v84", "renesas,rcar-gen3-sata", "renesas,rcar-sata"),
					"AHCI/SATA host: fetches command lists and PRD tables from memory",
					"bindings/ata/ahci-common.yaml, snps,dwc-ahci.yaml, ceva,ahci-1v84.yaml, renesas,rcar-sata.yaml; drivers/ata/libahci.c, sata_rcar.c"),
			new Binding(List.of("fsl,imx7d-usdhc", "fsl,imx8qxp-usdhc", "fsl,imx8qm-usdhc"), "SD host with ADMA2",
					"bindings/mmc/fsl-imx-esdhc.yaml; drivers/mmc/host/sdhci-esdhc-imx.c"),
			new Binding(List.of("brcm,bcm2711-emmc2"), "SD host with SDMA/ADMA2 (its bus's dma-ranges limit it to the low 1 GiB)",
					"bindings/mmc/brcm,iproc-sdhci.yaml; drivers/mmc/host/sdhci-iproc.c (bcm2711_data keeps the controller's DMA caps); "
							+ "arch/arm/boot/dts/bcm2711.dtsi (emmc2bus dma-ranges)"),
			new Binding(List.of("ti,dra7-sdhci"), "SD host with ADMA2 where the instance has it",
					"bindings/mmc/sdhci-omap.txt; drivers/mmc/host/sdhci-omap.c (sdhci_omap_has_adma)"),
			new Binding(List.of("samsung,exynos5250-dw-mshc", "samsung,exynos5420-dw-mshc", "snps,dw-mshc"),
					"SD host with its internal DMA controller (IDMAC)",
					"bindings/mmc/samsung,exynos-dw-mshc.yaml, synopsys-dw-mshc.yaml; drivers/mmc/host/dw_mmc.c (IDMAC)"),
			new Binding(List.of("renesas,rcar-gen3-sdhi", "renesas,rcar-gen2-sdhi"), "SD host with its internal DMAC",
					"bindings/mmc/renesas,sdhi.yaml; drivers/mmc/host/renesas_sdhi_internal_dmac.c"),
			new Binding(List.of("arasan,sdhci-8.9a", "xlnx,zynqmp-8.9a"), "SD host with ADMA2",
					"bindings/mmc/arasan,sdhci.yaml; drivers/mmc/host/sdhci-of-arasan.c"),
			// network
			new Binding(List.of("fsl,imx6sx-fec", "fsl,imx8qm-fec", "fsl,imx6q-fec", "fsl,imx8mq-fec"), "Ethernet MAC with buffer-descriptor DMA",
					"bindings/net/fsl,fec.yaml; drivers/net/ethernet/freescale/fec_main.c"),
			new Binding(List.of("brcm,bcm2711-genet-v5", "brcm,genet-v5", "brcm,genet-v4"), "Ethernet MAC with its own DMA rings",
					"bindings/net/brcm,bcmgenet.yaml; drivers/net/ethernet/broadcom/genet/bcmgenet.c"),
			new Binding(List.of("cdns,gem", "cdns,macb", "cdns,zynqmp-gem"), "Ethernet MAC with descriptor DMA",
					"bindings/net/cdns,macb.yaml; drivers/net/ethernet/cadence/macb_main.c"),
			new Binding(List.of("renesas,etheravb-rcar-gen3", "renesas,etheravb-rcar-gen2"), "Ethernet AVB with its descriptor DMA",
					"bindings/net/renesas,etheravb.yaml; drivers/net/ethernet/renesas/ravb_main.c"),
			new Binding(List.of("ti,cpsw-switch", "ti,cpsw"), "Ethernet switch with its CPDMA",
					"bindings/net/ti,cpsw-switch.yaml; drivers/net/ethernet/ti/davinci_cpdma.c"),
			new Binding(List.of("snps,dwmac", "snps,dwxgmac"), "Ethernet MAC with descriptor DMA",
					"bindings/net/snps,dwmac.yaml; drivers/net/ethernet/stmicro/stmmac/dwmac4_dma.c"),
			// USB
			new Binding(List.of("generic-ehci", "samsung,exynos4210-ehci"), "EHCI host: walks its schedules in memory",
					"bindings/usb/generic-ehci.yaml, samsung,exynos-usb2.yaml; drivers/usb/host/ehci-hcd.c"),
			new Binding(List.of("generic-ohci", "samsung,exynos4210-ohci"), "OHCI host: walks its descriptors in memory",
					"bindings/usb/generic-ohci.yaml, samsung,exynos-usb2.yaml; drivers/usb/host/ohci-hcd.c"),
			new Binding(List.of("generic-xhci", "renesas,rcar-gen3-xhci", "renesas,rcar-gen2-xhci"), "xHCI host: rings and contexts in memory",
					"bindings/usb/generic-xhci.yaml, renesas,usb-xhci.yaml; drivers/usb/host/xhci-ring.c"),
			new Binding(List.of("snps,dwc3"), "DWC3 USB controller: TRBs and event buffers in memory",
					"bindings/usb/snps,dwc3.yaml; drivers/usb/dwc3/gadget.c, core.c (event buffers)"),
			new Binding(List.of("brcm,bcm2835-usb", "snps,dwc2"), "DWC2 USB controller in DMA mode",
					"bindings/usb/dwc2.yaml; drivers/usb/dwc2/params.c (host_dma, g_dma unless slave-only)"),
			new Binding(List.of("renesas,rcar-gen3-usb3-peri"), "USB3 peripheral with its PRD DMA",
					"bindings/usb/renesas,usb3-peri.yaml; drivers/usb/gadget/udc/renesas_usb3.c (usb3_dma)"),
			// display, video, imaging, GPU
			new Binding(List.of("brcm,bcm2711-hvs", "brcm,bcm2835-hvs"), "scans framebuffers out of memory",
					"bindings/display/brcm,bcm2835-hvs.yaml; drivers/gpu/drm/vc4/vc4_hvs.c (\"pixels stored in framebuffers\")"),
			new Binding(List.of("brcm,bcm2835-txp"), "writes the composited frame back to memory (DRM writeback)",
					"bindings/display/brcm,bcm2835-txp.yaml; drivers/gpu/drm/vc4/vc4_txp.c (TXP_DST_PTR, drm_writeback)"),
			new Binding(List.of("brcm,2711-v3d", "brcm,2835-v3d", "brcm,7268-v3d", "brcm,7278-v3d"), "GPU: reads command lists and textures",
					"bindings/gpu/brcm,bcm-v3d.yaml; drivers/gpu/drm/v3d/v3d_gem.c"),
			new Binding(List.of("arm,mali-t604", "arm,mali-t624", "arm,mali-t628", "arm,mali-t720", "arm,mali-t760", "arm,mali-t820",
					"arm,mali-t830", "arm,mali-t860", "arm,mali-t880", "arm,mali-bifrost", "arm,mali-valhall-jm"),
					"Mali GPU with its own MMU: reads and writes memory", "bindings/gpu/arm,mali-midgard.yaml, arm,mali-bifrost.yaml; "
							+ "drivers/gpu/drm/panfrost/panfrost_mmu.c"),
			new Binding(List.of("vivante,gc"), "Vivante GPU: fetches command buffers from memory",
					"bindings/gpu/vivante,gc.yaml; drivers/gpu/drm/etnaviv/etnaviv_buffer.c"),
			new Binding(List.of("samsung,exynos5250-fimd", "samsung,exynos4210-fimd"), "display controller: scans framebuffers out of memory",
					"bindings/display/samsung/samsung,fimd.yaml; drivers/gpu/drm/exynos/exynos_drm_fimd.c"),
			new Binding(List.of("samsung,exynos5250-mixer", "samsung,exynos5420-mixer"), "video mixer: reads its layers from memory",
					"bindings/display/samsung/samsung,exynos-mixer.yaml; drivers/gpu/drm/exynos/exynos_mixer.c"),
			new Binding(List.of("samsung,exynos5250-g2d"), "2D engine: memory to memory",
					"bindings/gpu/samsung-g2d.yaml; drivers/gpu/drm/exynos/exynos_drm_g2d.c"),
			new Binding(List.of("samsung,exynos5250-rotator"), "rotator: memory to memory",
					"bindings/gpu/samsung-rotator.yaml; drivers/gpu/drm/exynos/exynos_drm_rotator.c"),
			new Binding(List.of("samsung,exynos5-gsc", "samsung,exynos5250-gsc"), "scaler: memory to memory",
					"bindings/media/samsung,exynos5250-gsc.yaml; drivers/media/platform/samsung/exynos-gsc/gsc-core.c"),
			new Binding(List.of("samsung,mfc-v6"), "video codec: reads and writes streams and frames in memory",
					"bindings/media/s5p-mfc.txt; drivers/media/platform/samsung/s5p-mfc/s5p_mfc.c"),
			new Binding(List.of("nxp,imx8qxp-jpgdec", "nxp,imx8qxp-jpgenc"), "JPEG codec: fetches its job descriptors and frames from memory",
					"bindings/media/nxp,imx8-jpeg.yaml; drivers/media/platform/nxp/imx-jpeg/mxc-jpeg.c (\"setting up a descriptor\")"),
			new Binding(List.of("renesas,vin-r8a7795", "renesas,vin-r8a7796", "renesas,vin-r8a77965"), "video capture: writes frames to memory",
					"bindings/media/renesas,vin.yaml; drivers/media/platform/renesas/rcar-vin/rcar-dma.c"),
			new Binding(List.of("renesas,vsp1", "renesas,vsp2"), "video processor: reads and writes frames (through its FCP on Gen3)",
					"bindings/media/renesas,vsp1.yaml; drivers/media/platform/renesas/vsp1/vsp1_drv.c (bus_master)"),
			new Binding(List.of("renesas,fcpv", "renesas,fcpf"), "the memory interface of a VSP or FDP1 (its AXI transactions pass through)",
					"bindings/media/renesas,fcp.yaml; drivers/media/platform/renesas/rcar-fcp.c"),
			new Binding(List.of("renesas,fdp1"), "de-interlacer: memory to memory",
					"bindings/media/renesas,fdp1.yaml; drivers/media/platform/renesas/rcar_fdp1.c"),
			new Binding(List.of("renesas,imr-lx4"), "image renderer: reads display lists and textures from memory",
					"bindings/media/renesas,imr.yaml"),
			new Binding(List.of("ti,dra7-vpe"), "video processing engine: memory to memory through its VPDMA",
					"bindings/media/ti,vpe.yaml; drivers/media/platform/ti/vpe/vpdma.c"),
			new Binding(List.of("ti,dra7-dispc", "ti,omap5-dispc"), "display controller: scans framebuffers out of memory",
					"bindings/display/ti/ti,dra7-dss.txt; drivers/gpu/drm/omapdrm/dss/dispc.c"),
			new Binding(List.of("xlnx,zynqmp-dpdma"), "DisplayPort DMA engine", "bindings/dma/xilinx/xlnx,zynqmp-dpdma.yaml"),
			// DMA engines without #dma-cells in their own node
			new Binding(List.of("ti,edma3-tptc"), "EDMA transfer controller: does the EDMA's transfers",
					"bindings/dma/ti-edma.txt; drivers/dma/ti/edma.c"),
			// crypto
			new Binding(List.of("arm,cryptocell-630p-ree", "arm,cryptocell-712-ree", "arm,cryptocell-713-ree"),
					"crypto engine with its own DMA (MLLI tables)", "bindings/crypto/arm,cryptocell.yaml; drivers/crypto/ccree/cc_buffer_mgr.c"),
			new Binding(List.of("samsung,exynos4210-secss"), "crypto engine with its own feed-control DMA (BRDMA/BTDMA/HRDMA)",
					"bindings/crypto/samsung-sss.yaml; drivers/crypto/s5p-sss.c (SSS_REG_FCBRDMAS)"),
			// remote processors
			new Binding(List.of("ti,dra7-dsp", "ti,dra7-ipu"), "remote processor: runs from and writes to DDR",
					"bindings/remoteproc/ti,omap-remoteproc.yaml; drivers/remoteproc/omap_remoteproc.c"),
			// virtual hardware
			new Binding(List.of("virtio,mmio"), "virtio device: reads and writes its virtqueues in the driver's memory",
					"bindings/virtio/mmio.yaml; the virtio 1.1 specification, 2.6 Split Virtqueues"),
			new Binding(List.of("qemu,fw-cfg-mmio"), "QEMU fw-cfg with its DMA interface",
					"bindings/firmware/qemu,fw-cfg-mmio.yaml; QEMU docs/specs/fw_cfg.rst (\"FW_CFG_DMA\")"));

	private BusMastering() {
	}

	/**
	 * @param n      the device's node
	 * @param iommus the IOMMUs whose {@code iommus} or {@code iommu-map} name it
	 */
	public static Verdict of(DtTree tree, DtNode n, List<DtNode> iommus) {
		if (!iommus.isEmpty())
			return new Verdict(State.MASTER, (n.has("iommus") ? "iommus: " : "iommu-map: ") + paths(iommus));
		if (n.has("#dma-cells")) {
			List<DtNode> masters = phandles(tree, n, "dma-masters");
			if (n.has("dma-masters"))
				return new Verdict(State.NOT_MASTER, "a DMA request router (dma-masters, bindings/dma/dma-router.yaml): "
						+ (masters.isEmpty() ? "its DMA controllers" : paths(masters)) + " do the transfers");
			return new Verdict(State.MASTER, "a DMA controller (#dma-cells)");
		}
		DtProperty type = n.property("device_type");
		if (type != null && "pci".equals(type.string()))
			return new Verdict(State.MASTER, "a PCI host bridge (device_type \"pci\"): its endpoints master the bus through it");
		for (Binding b : TABLE)
			for (String c : n.compatible())
				if (b.compatibles().contains(c)) return new Verdict(State.MASTER, "\"" + c + "\": " + b.what() + " (" + b.source() + ")");
		if (n.has("dma-coherent")) return new Verdict(State.MASTER, "dma-coherent: the node declares coherent DMA");
		for (Binding b : SLAVES)
			for (String c : n.compatible())
				if (b.compatibles().contains(c)) return new Verdict(State.NOT_MASTER, "\"" + c + "\": " + b.what() + " (" + b.source() + ")");
		if (n.has("dmas")) {
			List<DtNode> engines = dmaEngines(tree, n);
			return new Verdict(State.UNKNOWN, "a client of " + (engines.isEmpty() ? "a DMA controller" : paths(engines))
					+ " (dmas): that controller masters the bus, not this device; no fact says this one does");
		}
		return new Verdict(State.UNKNOWN, "no iommus, #dma-cells, device_type \"pci\", dma-coherent or bus-master binding");
	}

	/** The DMA controllers named by the node's dmas (first cell of each specifier), each once. */
	private static List<DtNode> dmaEngines(DtTree tree, DtNode n) {
		long[] cells = n.property("dmas").cells();
		List<DtNode> out = new ArrayList<>();
		if (cells == null) return out;
		for (int i = 0; i < cells.length;) {
			DtNode engine = tree.byPhandle(cells[i]);
			if (engine == null) break;
			if (!out.contains(engine)) out.add(engine);
			i += 1 + (int) Math.max(engine.cell("#dma-cells", 0), 0);
		}
		return out;
	}

	private static List<DtNode> phandles(DtTree tree, DtNode n, String property) {
		DtProperty p = n.property(property);
		long[] cells = p == null ? null : p.cells();
		List<DtNode> out = new ArrayList<>();
		if (cells != null) for (long c : cells) {
			DtNode t = tree.byPhandle(c);
			if (t != null && !out.contains(t)) out.add(t);
		}
		return out;
	}

	private static String paths(List<DtNode> nodes) {
		return nodes.stream().map(DtNode::path).collect(Collectors.joining(", "));
	}
}
