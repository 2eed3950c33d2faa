package dev.tessera.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.model.IommuKind;

/**
 * Finds the IOMMUs of a tree (Arm SMMU v1/v2 and MMU-500, SMMUv3, Renesas IPMMU, and any other node with
 * {@code #iommu-cells}) and, for each, the nodes whose {@code iommus} (or a PCI host's {@code iommu-map}) name it.
 */
public final class IommuCoverage {
	private final Map<DtNode, List<DtNode>> covered = new LinkedHashMap<>();

	public IommuCoverage(DtTree tree, List<DtDiagnostic> diagnostics) {
		tree.visit(n -> {
			if (n.has("#iommu-cells")) covered.computeIfAbsent(n, k -> new ArrayList<>());
		});
		tree.visit(n -> {
			for (PhandleList.Entry e : PhandleList.read(tree, n, "iommus", "#iommu-cells", DtDiagnostic.Severity.ERROR, diagnostics))
				add(e.provider(), n);
			DtProperty map = n.property("iommu-map");
			long[] c = map == null ? null : map.cells();
			if (c != null && c.length % 4 == 0)
				for (int i = 0; i < c.length; i += 4) {
					DtNode iommu = tree.byPhandle(c[i + 1]);
					if (iommu != null) add(iommu, n);
				}
		});
	}

	private void add(DtNode iommu, DtNode client) {
		List<DtNode> l = covered.computeIfAbsent(iommu, k -> new ArrayList<>());
		if (!l.contains(client)) l.add(client);
	}

	/** Every IOMMU of the tree, in source order of the first sight. */
	public List<DtNode> iommus() {
		return List.copyOf(covered.keySet());
	}

	public List<DtNode> clients(DtNode iommu) {
		return covered.getOrDefault(iommu, List.of());
	}

	public boolean isIommu(DtNode n) {
		return covered.containsKey(n);
	}

	/** The IOMMUs the node is behind. */
	public List<DtNode> iommusOf(DtNode client) {
		List<DtNode> out = new ArrayList<>();
		covered.forEach((i, clients) -> {
			if (clients.contains(client)) out.add(i);
		});
		return out;
	}

	public static IommuKind kind(DtNode iommu) {
		for (String c : iommu.compatible()) {
			if (c.equals("arm,smmu-v3")) return IommuKind.SMMU_V3;
			if (c.startsWith("renesas,ipmmu")) return IommuKind.IPMMU;
			if (c.equals("arm,mmu-500") || c.equals("arm,mmu-401") || c.equals("arm,mmu-400") || c.equals("arm,smmu-v1")
					|| c.equals("arm,smmu-v2") || c.endsWith("-smmu-500") || c.equals("qcom,smmu-v2"))
				return IommuKind.SMMU_V2;
		}
		return IommuKind.OTHER;
	}
}
