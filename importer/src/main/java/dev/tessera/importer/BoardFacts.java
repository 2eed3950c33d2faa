package dev.tessera.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.tessera.model.Board;
import dev.tessera.model.CpuCluster;
import dev.tessera.model.Device;
import dev.tessera.model.DtReference;
import dev.tessera.model.FixedClock;
import dev.tessera.model.Iommu;
import dev.tessera.model.RamBank;
import dev.tessera.model.ReservedRegion;

/**
 * The device-tree facts of a board as comparable lines, keyed by device-tree path: what an import produces and a
 * curated board must keep (fixed clocks, each device's clock names, and since DMA comes from facts ({@link BusMastering})
 * each device's 'dma' among them). What engineers add by hand is left out: names, kinds, notes, GPU sharing, the description, elements without a device-tree path (loader
 * memory, RAM the firmware fills in, a clock written by hand), and devices an
 * engineer added by hand because the tree lacks them (their note starts with {@link #ADDED_BY_HAND}).
 */
public final class BoardFacts {
	/** How a curated board marks a device the upstream tree does not have (its note starts with this). */
	public static final String ADDED_BY_HAND = "Added by hand";

	private BoardFacts() {
	}

	public static TreeSet<String> of(Board b) {
		TreeSet<String> f = new TreeSet<>();
		f.add("arch " + b.getArch().getLiteral());
		for (CpuCluster c : b.getClusters()) {
			List<String> cpus = c.getCpus().stream().map(cpu -> cpu.getDtPath() + " mpidr " + BoardWriter.hex(cpu.getMpidr())).toList();
			f.add("cluster " + (c.getCoreType() == null ? "(mixed)" : c.getCoreType()) + " " + cpus);
		}
		for (RamBank r : b.getRam())
			if (r.getDtPath() != null) f.add("ram " + r.getDtPath() + " " + range(r.getBase(), r.getSize()));
		for (ReservedRegion r : b.getReserved())
			if (!r.isLoader()) f.add("reserved " + (r.getDtPath() == null ? "/memreserve/" : r.getDtPath()) + " " + range(r.getBase(), r.getSize()));
		if (b.getGic() != null) f.add("gic v" + b.getGic().getVersion() + " " + b.getGic().getDtPath() + " reg " + BoardWriter.regs(b.getGic().getRegs()));
		for (Iommu i : b.getIommus())
			f.add("iommu " + i.getDtPath() + " " + i.getKind().getLiteral() + " reg " + BoardWriter.regs(i.getRegs())
					+ (i.isDisabled() ? " disabled" : "") + " covers " + new TreeSet<>(i.getCovers().stream().filter(d -> !addedByHand(d)).map(Device::getDtPath).toList()));
		for (FixedClock c : b.getFixedClocks())
			if (c.getDtPath() != null) f.add("clock " + c.getDtPath() + " fixed " + c.getFrequency() + " cells " + c.getCells()
					+ (c.getOutputNames().isEmpty() ? "" : " outputs " + c.getOutputNames()));
		for (Device d : b.getDevices()) {
			if (d.getDtPath() == null || addedByHand(d)) continue;
			String p = "device " + d.getDtPath() + " ";
			f.add(p + "compatible " + d.getCompatible());
			if (!d.getRegs().isEmpty()) f.add(p + "reg " + BoardWriter.regs(d.getRegs()));
			if (!d.getIrqs().isEmpty()) f.add(p + "irq " + d.getIrqs().stream().map(BoardWriter::irq).collect(Collectors.joining(", ")));
			refs(f, p + "irq-via ", d.getInterruptsVia());
			refs(f, p + "clocks ", d.getClocks());
			if (!d.getClockNames().isEmpty()) f.add(p + "clock-names " + d.getClockNames());
			refs(f, p + "power-domains ", d.getPowerDomains());
			refs(f, p + "resets ", d.getResets());
			if (d.isDisabled()) f.add(p + "disabled");
			if (d.isDma()) f.add(p + "dma");
			if (d.isNoDma()) f.add(p + "no-dma");
			// by device-tree path: names are the engineer's
			for (Device n : d.getNeeds()) if (!n.eIsProxy() && n.getDtPath() != null) f.add(p + "needs " + n.getDtPath());
		}
		return f;
	}

	/**
	 * A device the upstream tree lacks, added by an engineer: left out of the facts, and so is an IOMMU's coverage
	 * of it (a re-import cannot know it); an IOMMU's per-OSID streams ('osid-streams') are hand-written too.
	 */
	private static boolean addedByHand(Device d) {
		return d.getNote() != null && d.getNote().startsWith(ADDED_BY_HAND);
	}

	/** The lines only in {@code expected} ("- …") and only in {@code actual} ("+ …"); empty when they agree. */
	public static List<String> drift(Board expected, Board actual) {
		TreeSet<String> e = of(expected), a = of(actual);
		// a device the curated board changed by hand (enabled, say) is compared on neither side
		for (Device d : expected.getDevices())
			if (d.getDtPath() != null && d.getNote() != null && d.getNote().startsWith(ADDED_BY_HAND))
				a.removeIf(line -> line.startsWith("device " + d.getDtPath() + " "));
		List<String> out = new ArrayList<>();
		for (String s : e) if (!a.contains(s)) out.add("- " + s);
		for (String s : a) if (!e.contains(s)) out.add("+ " + s);
		return out;
	}

	private static void refs(TreeSet<String> f, String prefix, List<DtReference> refs) {
		if (!refs.isEmpty()) f.add(prefix + refs.stream().map(BoardWriter::ref).collect(Collectors.joining(", ")));
	}

	private static String range(long base, long size) {
		return BoardWriter.hex(base) + " size " + BoardWriter.size(size);
	}
}
