package dev.tessera.importer;

import java.util.List;
import java.util.Optional;

/** Recognises GPUs by their compatible strings: what the GPU is, for the board file's note. */
public final class GpuRecognizer {
	private record Family(String prefix, String name) {
	}

	private static final List<Family> FAMILIES = List.of(new Family("arm,mali-", "Arm Mali"),
			new Family("img,powervr-", "Imagination PowerVR"), new Family("img,img-", "Imagination PowerVR"),
			new Family("ti,omap-sgx", "Imagination PowerVR SGX"), new Family("vivante,gc", "Vivante GC"),
			new Family("brcm,2711-v3d", "Broadcom VideoCore VI V3D"), new Family("brcm,2835-v3d", "Broadcom VideoCore IV V3D"),
			new Family("brcm,7268-v3d", "Broadcom V3D"), new Family("brcm,7278-v3d", "Broadcom V3D"),
			new Family("brcm,bcm2835-vc4", "Broadcom VideoCore IV"), new Family("qcom,adreno", "Qualcomm Adreno"),
			new Family("nvidia,gk20a", "NVIDIA Kepler GK20A"), new Family("nvidia,gm20b", "NVIDIA Maxwell GM20B"),
			new Family("nvidia,gp10b", "NVIDIA Pascal GP10B"), new Family("nvidia,gv11b", "NVIDIA Volta GV11B"),
			new Family("fsl,imx8-gpu", "Vivante GC (i.MX 8)"), new Family("apple,agx-", "Apple AGX"));

	private GpuRecognizer() {
	}

	/** "Arm Mali-T604 (compatible "arm,mali-t604")" for a GPU node, empty for anything else. */
	public static Optional<String> recognise(DtNode node) {
		List<String> compatible = node.compatible();
		for (Family f : FAMILIES)
			for (String c : compatible)
				if (c.startsWith(f.prefix())) {
					String model = c.substring(f.prefix().length());
					String name = f.name();
					if (f.prefix().equals("arm,mali-")) name += "-" + model.toUpperCase().replace("BIFROST", "Bifrost")
							.replace("MIDGARD", "Midgard").replace("VALHALL", "Valhall").replace("UTGARD", "Utgard");
					else if (f.prefix().equals("vivante,gc")) name = name.replace("GC", "GC") + model.toUpperCase();
					return Optional.of(name + " (compatible \"" + c + "\")");
				}
		if (node.baseName().equals("gpu") && !compatible.isEmpty()) return Optional.of("GPU (compatible \"" + compatible.get(0) + "\")");
		return Optional.empty();
	}
}
