package dev.tessera.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuCluster;
import dev.tessera.model.Device;
import dev.tessera.model.DtReference;
import dev.tessera.model.FixedClock;
import dev.tessera.model.Interrupt;
import dev.tessera.model.Iommu;
import dev.tessera.model.IommuKind;
import dev.tessera.model.RamBank;
import dev.tessera.model.RegRange;
import dev.tessera.model.ReservedRegion;

/**
 * Writes an imported board as a readable .tess file: a header saying where the facts come from and which devices
 * can be passed through how, then the board, each element with the device-tree path it came from.
 */
public final class BoardWriter {
	private BoardWriter() {
	}

	public static String write(Board b, List<String> header, List<String> remarks) {
		return write(b, header, remarks, Names.KEYWORDS, java.util.Map.of());
	}

	/**
	 * @param keywords the language's keywords: a name equal to one is written with the '^' escape
	 * @param dma      why each device is or is not a bus master, written as a comment in the device
	 */
	public static String write(Board b, List<String> header, List<String> remarks, java.util.Set<String> keywords,
			java.util.Map<Device, BusMastering.Verdict> dma) {
		return write(b, header, remarks, keywords, dma, java.util.Map.of());
	}

	/** @param needReasons why each device needs the devices it needs ("dmas -> audma0"), written as a comment */
	public static String write(Board b, List<String> header, List<String> remarks, java.util.Set<String> keywords,
			java.util.Map<Device, BusMastering.Verdict> dma, java.util.Map<Device, List<String>> needReasons) {
		java.util.function.Function<String, String> n = name -> Names.written(name, keywords);
		StringBuilder o = new StringBuilder();
		for (String h : header) comment(o, "", h);
		comment(o, "", "");
		comment(o, "", "Every fact below names the device-tree path it came from. What a device tree cannot say is yours to add:");
		comment(o, "", "device names and kinds, GPU sharing ('sharing'), notes, and memory the boot loader uses ('reserved … loader').");
		comment(o, "", "'dma' marks a device that masters the bus, and the comment above it says which fact shows it: iommus, a DMA "
				+ "controller (#dma-cells), a PCI host, dma-coherent, or a binding of the importer's table (BusMastering) with its "
				+ "source; 'no-dma' one known not to (a DMA request router). A device with neither is unknown: Tessera warns when "
				+ "it goes to a domain without an IOMMU or direct map (device.dma-unknown), so check its binding and write one. A "
				+ "client of a DMA controller (dmas) says so: the controller does its transfers. 'needs' lists the devices its "
				+ "driver needs beside it (dmas, phys, renesas,vsps, renesas,cmms, renesas,fcp): they go to the same domain "
				+ "(device.needs).");
		for (String r : remarks) comment(o, "", "Note: " + r);
		comment(o, "", "");
		passthroughSummary(o, b);
		o.append("board ").append(n.apply(b.getName())).append(" {\n");
		o.append("\tarch ").append(b.getArch().getLiteral()).append('\n');
		if (b.getDescription() != null) o.append("\tdescription ").append(quote(b.getDescription())).append('\n');
		for (String s : b.getSources()) o.append("\tsource ").append(quote(s)).append('\n');
		if (b.getDeviceTree() != null) o.append("\tdevice-tree ").append(quote(b.getDeviceTree())).append('\n');
		if (!b.getClusters().isEmpty()) o.append('\n');
		for (CpuCluster c : b.getClusters()) {
			o.append("\tcluster ").append(n.apply(c.getName()));
			if (c.getCoreType() != null) o.append(' ').append(n.apply(c.getCoreType()));
			o.append(" {\n");
			for (Cpu cpu : c.getCpus()) {
				o.append("\t\tcpu ").append(n.apply(cpu.getName()));
				if (cpu.eIsSet(dev.tessera.model.TesseraPackage.Literals.CPU__MPIDR)) o.append(" mpidr ").append(hex(cpu.getMpidr()));
				o.append(" path ").append(quote(cpu.getDtPath())).append('\n');
			}
			o.append("\t}\n");
		}
		if (!b.getRam().isEmpty() || !b.getReserved().isEmpty()) o.append('\n');
		for (RamBank r : b.getRam())
			o.append("\tram ").append(n.apply(r.getName())).append(' ').append(hex(r.getBase())).append(" size ")
					.append(size(r.getSize())).append(" path ").append(quote(r.getDtPath())).append('\n');
		for (ReservedRegion r : b.getReserved()) {
			o.append("\treserved ").append(n.apply(r.getName())).append(' ').append(hex(r.getBase())).append(" size ")
					.append(size(r.getSize()));
			if (r.isLoader()) o.append(" loader");
			if (r.getDtPath() != null) o.append(" path ").append(quote(r.getDtPath()));
			if (r.getNote() != null) o.append(" note ").append(quote(r.getNote()));
			o.append('\n');
		}
		if (b.getGic() != null) {
			o.append("\n\tgic v").append(b.getGic().getVersion()).append(" {\n");
			o.append("\t\tpath ").append(quote(b.getGic().getDtPath())).append('\n');
			if (!b.getGic().getRegs().isEmpty()) o.append("\t\treg ").append(regs(b.getGic().getRegs())).append('\n');
			o.append("\t}\n");
		}
		for (Iommu i : b.getIommus()) {
			o.append("\n\tiommu ").append(n.apply(i.getName())).append(' ').append(i.getKind().getLiteral()).append(" {\n");
			o.append("\t\tpath ").append(quote(i.getDtPath())).append('\n');
			if (!i.getRegs().isEmpty()) o.append("\t\treg ").append(regs(i.getRegs())).append('\n');
			if (i.isDisabled()) o.append("\t\tdisabled\n");
			if (!i.getCovers().isEmpty()) {
				o.append("\t\tcovers ");
				o.append(wrap(i.getCovers().stream().map(d -> n.apply(d.getName())).toList(), "\t\t       "));
				o.append('\n');
			}
			o.append("\t}\n");
		}
		if (!b.getFixedClocks().isEmpty()) o.append('\n');
		for (FixedClock c : b.getFixedClocks()) o.append('\t').append(clock(c, n)).append('\n');
		for (Device d : b.getDevices()) {
			o.append("\n\tdevice ").append(n.apply(d.getName()));
			if (d.eIsSet(dev.tessera.model.TesseraPackage.Literals.DEVICE__KIND)) o.append(' ').append(d.getKind().getLiteral());
			o.append(" {\n");
			o.append("\t\tpath ").append(quote(d.getDtPath())).append('\n');
			if (!d.getCompatible().isEmpty())
				o.append("\t\tcompatible ").append(d.getCompatible().stream().map(BoardWriter::quote).collect(Collectors.joining(", "))).append('\n');
			if (!d.getRegs().isEmpty()) o.append("\t\treg ").append(regs(d.getRegs())).append('\n');
			if (!d.getIrqs().isEmpty())
				o.append("\t\tirq ").append(d.getIrqs().stream().map(BoardWriter::irq).collect(Collectors.joining(", "))).append('\n');
			refs(o, "irq-via", d.getInterruptsVia());
			refs(o, "clocks", d.getClocks());
			if (!d.getClockNames().isEmpty())
				o.append("\t\tclock-names ").append(d.getClockNames().stream().map(BoardWriter::quote).collect(Collectors.joining(", "))).append('\n');
			refs(o, "power-domains", d.getPowerDomains());
			refs(o, "resets", d.getResets());
			if (d.isDisabled()) o.append("\t\tdisabled\n");
			BusMastering.Verdict v = dma.get(d);
			if (v != null && v.state() == BusMastering.State.MASTER) comment(o, "\t\t", "bus master: " + v.reason());
			else if (v != null && v.state() == BusMastering.State.NOT_MASTER) comment(o, "\t\t", "not a bus master: " + v.reason());
			else if (v != null && v.reason().startsWith("a client of")) comment(o, "\t\t", "DMA: " + v.reason());
			if (d.isDma()) o.append("\t\tdma\n");
			if (d.isNoDma()) o.append("\t\tno-dma\n");
			if (!d.getNeeds().isEmpty()) {
				List<String> why = needReasons.get(d);
				if (why != null) {
					// "dmas -> dmac1, dmac2; renesas,vsps -> vspd0"
					java.util.Map<String, List<String>> byProperty = new java.util.LinkedHashMap<>();
					for (String w : why) byProperty.computeIfAbsent(w.substring(0, w.indexOf(" -> ")), k -> new ArrayList<>()).add(w.substring(w.indexOf(" -> ") + 4));
					comment(o, "\t\t", "needs: " + byProperty.entrySet().stream().map(e -> e.getKey() + " -> " + String.join(", ", e.getValue()))
							.collect(Collectors.joining("; ")));
				}
				o.append("\t\tneeds ").append(d.getNeeds().stream().map(x -> n.apply(x.getName())).collect(Collectors.joining(", "))).append('\n');
			}
			if (!d.getSharing().isEmpty())
				o.append("\t\tsharing ").append(d.getSharing().stream().map(s -> s.getLiteral()).collect(Collectors.joining(", "))).append('\n');
			if (d.getNote() != null) o.append("\t\tnote ").append(quote(d.getNote())).append('\n');
			o.append("\t}\n");
		}
		o.append("}\n");
		return o.toString();
	}

	/** Which devices can be given to a domain, and how: the header's passthrough section. */
	private static void passthroughSummary(StringBuilder o, Board b) {
		List<String> safe = new ArrayList<>(), disabledIommu = new ArrayList<>(), unsupported = new ArrayList<>(),
				direct = new ArrayList<>(), plain = new ArrayList<>();
		for (Device d : b.getDevices()) {
			if (d.isDisabled() || d.getKind() == dev.tessera.model.DeviceKind.TIMER) continue;
			boolean active = b.getIommus().stream().anyMatch(i -> !i.isDisabled() && i.getKind() != IommuKind.OTHER && i.getCovers().contains(d));
			boolean inactive = b.getIommus().stream().anyMatch(i -> i.isDisabled() && i.getKind() != IommuKind.OTHER && i.getCovers().contains(d));
			boolean other = b.getIommus().stream().anyMatch(i -> i.getKind() == IommuKind.OTHER && i.getCovers().contains(d));
			if (active) safe.add(d.getName());
			else if (d.isDma() && inactive) disabledIommu.add(d.getName());
			else if (d.isDma() && other) unsupported.add(d.getName());
			else if (d.isDma()) direct.add(d.getName());
			else plain.add(d.getName());
		}
		comment(o, "", "Passthrough of the enabled devices (Xen's timer excluded):");
		if (b.getIommus().stream().noneMatch(i -> i.getKind() != IommuKind.OTHER))
			comment(o, "", "  This board has no IOMMU that Xen drives (Arm SMMU, Renesas IPMMU): no DMA-capable device can be passed through to a domain safely. Such a device goes only to a "
					+ "direct-mapped domain (static memory + direct-map), which gives up isolation (Tessera warns: device.dma-isolation).");
		list(o, "behind an IOMMU, safe for any domain", safe);
		list(o, "behind an IOMMU that the device tree disables: direct map only until the board's device tree enables it", disabledIommu);
		list(o, "behind an IOMMU Xen has no driver for (kind 'other'): direct map only, without isolation", unsupported);
		list(o, "DMA-capable without an IOMMU: only to a direct-mapped domain, without isolation", direct);
		list(o, "not known to master the bus: any domain (registers and interrupts are mapped)", plain);
	}

	private static void list(StringBuilder o, String title, List<String> names) {
		if (names.isEmpty()) return;
		comment(o, "", "  " + title + " (" + names.size() + "):");
		StringBuilder line = new StringBuilder("    ");
		for (String n : names) {
			if (line.length() + n.length() > 112) {
				comment(o, "", line.toString().stripTrailing());
				line = new StringBuilder("    ");
			}
			line.append(n).append(' ');
		}
		if (line.length() > 4) comment(o, "", line.toString().stripTrailing());
	}

	/** A comment line, wrapped at about 116 columns (continuation lines indented like the first). */
	private static void comment(StringBuilder o, String indent, String text) {
		String lead = text.substring(0, text.length() - text.stripLeading().length());
		String rest = text;
		while (rest.length() > 116) {
			int cut = rest.lastIndexOf(' ', 116);
			if (cut <= lead.length()) break;
			o.append(indent).append("// ").append(rest, 0, cut).append('\n');
			rest = lead + "  " + rest.substring(cut + 1);
		}
		o.append(indent).append("//").append(rest.isEmpty() ? "" : " " + rest).append('\n');
	}

	private static String wrap(List<String> items, String indent) {
		StringBuilder out = new StringBuilder();
		int col = indent.length() + 8;
		for (int i = 0; i < items.size(); i++) {
			String s = items.get(i) + (i + 1 < items.size() ? "," : "");
			if (i > 0 && col + s.length() > 110) {
				out.append('\n').append(indent);
				col = indent.length() + 8;
			} else if (i > 0) {
				out.append(' ');
				col++;
			}
			out.append(s);
			col += s.length();
		}
		return out.toString();
	}

	private static void refs(StringBuilder o, String keyword, List<DtReference> refs) {
		if (refs.isEmpty()) return;
		o.append("\t\t").append(keyword).append(' ').append(refs.stream().map(BoardWriter::ref).collect(Collectors.joining(", "))).append('\n');
	}

	/** {@code clock NAME fixed HZ [cells N] [path "…"] [outputs "…", …]}: #clock-cells only when it is not 0. */
	static String clock(FixedClock c, java.util.function.Function<String, String> name) {
		StringBuilder o = new StringBuilder("clock ").append(name.apply(c.getName())).append(" fixed ").append(c.getFrequency());
		if (c.getCells() != 0) o.append(" cells ").append(c.getCells());
		if (c.getDtPath() != null) o.append(" path ").append(quote(c.getDtPath()));
		if (!c.getOutputNames().isEmpty())
			o.append(" outputs ").append(c.getOutputNames().stream().map(BoardWriter::quote).collect(Collectors.joining(", ")));
		return o.toString();
	}

	static String ref(DtReference r) {
		String s = quote(r.getProvider());
		if (!r.getCells().isEmpty()) s += " <" + r.getCells().stream().map(String::valueOf).collect(Collectors.joining(" ")) + ">";
		return s;
	}

	static String irq(Interrupt i) {
		String s = i.getType().getLiteral() + " " + i.getNumber();
		if (i.isSetTrigger()) s += " " + i.getTrigger().getLiteral();
		return s;
	}

	static String regs(List<RegRange> regs) {
		return regs.stream().map(r -> hex(r.getBase()) + " size " + size(r.getSize())).collect(Collectors.joining(", "));
	}

	static String hex(long v) {
		return "0x" + Long.toHexString(v);
	}

	/** 4K, 64M, 2G when exact; hex otherwise. */
	static String size(long v) {
		String[] units = { "T", "G", "M", "K" };
		int[] shifts = { 40, 30, 20, 10 };
		for (int i = 0; i < units.length; i++)
			if (v > 0 && v % (1L << shifts[i]) == 0 && (v >>> shifts[i]) < 100000) return (v >>> shifts[i]) + units[i];
		return hex(v);
	}

	static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			if (c == '"' || c == '\\') b.append('\\').append(c);
			else if (c == '\n') b.append("\\n");
			else if (c < 0x20) b.append(' ');
			else b.append(c);
		}
		return b.append('"').toString();
	}
}
