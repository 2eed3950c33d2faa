package dev.tessera.core.rules.gpu;

import static dev.tessera.model.TesseraPackage.Literals.GPU_GUEST__OSID;
import static dev.tessera.model.TesseraPackage.Literals.GPU_SHARE__DEVICE;

import java.util.Optional;

import dev.tessera.core.board.OsidBank;
import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.Sizes;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.GpuGuest;
import dev.tessera.model.GpuShare;
import dev.tessera.model.GpuSharing;
import dev.tessera.model.RegRange;
import dev.tessera.model.System;

/** A guest of a hardware-virtualized GPU is given its OSID's register bank, which the board must place. */
public final class GpuOsidWindowOnBoard extends Rule {
	static final RuleInfo INFO = new RuleInfo("gpu.osid-window", Section.GPUS, Severity.ERROR, "Each GPU guest's OSID registers are on the board",
			"A guest of a hardware-virtualized GPU drives the GPU through the register bank of its OSID; Xen maps that bank, "
					+ "or as much of its start as the board's 'osid-window SIZE mapped SIZE' says, and nothing else, into the guest. "
					+ "The board must say how large a bank is ('osid-window'), the bank of every OSID in use must lie within the "
					+ "GPU's registers, and what is mapped must be whole pages within the bank.");

	public GpuOsidWindowOnBoard() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		for (GpuShare g : s.getGpus()) {
			Device gpu = g.getDevice();
			if (g.getMode() != GpuSharing.HARDWARE || gpu == null || gpu.eIsProxy() || g.getGuests().isEmpty()) continue;
			if (gpu.getOsidWindow() <= 0 || gpu.getRegs().isEmpty()) {
				out.report(INFO, g, GPU_SHARE__DEVICE, "GPU '" + gpu.getName() + "' has guests in hardware mode, but board '"
						+ boardName(gpu) + "' gives " + (gpu.getRegs().isEmpty() ? "it no registers" : "no size of its per-OSID register banks")
						+ ": add 'osid-window <size>' to device '" + gpu.getName() + "', from the GPU's documentation");
				continue;
			}
			if (gpu.getOsidWindow() % Sizes.PAGE != 0) {
				out.report(INFO, g, GPU_SHARE__DEVICE, "the OSID register banks of GPU '" + gpu.getName() + "' are "
						+ Sizes.human(gpu.getOsidWindow()) + ", not whole 4 KiB pages: Xen maps memory into a guest by pages");
				continue;
			}
			if (gpu.getOsidMapped() > 0 && (gpu.getOsidMapped() % Sizes.PAGE != 0 || gpu.getOsidMapped() > gpu.getOsidWindow())) {
				out.report(INFO, g, GPU_SHARE__DEVICE, "GPU '" + gpu.getName() + "' maps " + Sizes.human(gpu.getOsidMapped())
						+ " of each OSID's " + Sizes.human(gpu.getOsidWindow()) + " register bank ('mapped'): "
						+ (gpu.getOsidMapped() % Sizes.PAGE != 0 ? "not whole 4 KiB pages: Xen maps memory into a guest by pages"
								: "more than the bank, which would give a guest the next OSID's registers"));
				continue;
			}
			for (GpuGuest x : g.getGuests()) {
				if (!x.isSetOsid() || x.getOsid() <= 0) continue; // gpu.osid reports these
				Optional<OsidBank> w = OsidBank.of(gpu, x.getOsid());
				if (w.isPresent() && !w.get().insideRegistersOf(gpu)) {
					RegRange r = gpu.getRegs().get(0);
					out.report(INFO, x, GPU_GUEST__OSID, "the registers of OSID " + x.getOsid() + " (guest '"
							+ (x.getDomain() == null ? "?" : x.getDomain().getName()) + "'), " + Sizes.range(w.get().base(), w.get().size())
							+ ", lie outside the registers of GPU '" + gpu.getName() + "', " + Sizes.range(r.getBase(), r.getSize())
							+ ": use a lower OSID, or declare the GPU's whole register window on the board");
				}
			}
		}
	}

	private static String boardName(Device gpu) {
		return gpu.eContainer() instanceof Board b ? b.getName() : "?";
	}
}
