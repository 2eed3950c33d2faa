package dev.tessera.core.board;

import java.util.Optional;

import dev.tessera.model.Device;

/**
 * Where an OSID's registers are on a hardware-virtualized PowerVR GPU. Imagination's Rogue driver lays the
 * register banks out one after another from the GPU's first register, one bank per OSID
 * (RGX_VIRTUALISATION_REG_SIZE_PER_OS); a guest's driver uses its bank as if it were the whole GPU, so the bank is
 * mapped where the GPU's registers start ({@code guest}).
 */
public record OsidBank(long base, long size, long guest) {
	public long end() {
		return base + size;
	}

	/**
	 * What a guest with OSID {@code osid} of {@code gpu} is given: the start of its bank, as much as the board's
	 * {@code osid-window ... mapped} says (the whole bank without it); empty when the board gives no bank size or no
	 * registers.
	 */
	public static Optional<OsidBank> of(Device gpu, int osid) {
		if (gpu.getOsidWindow() <= 0 || gpu.getRegs().isEmpty() || osid < 0) return Optional.empty();
		long first = gpu.getRegs().get(0).getBase();
		long size = gpu.getOsidMapped() > 0 ? gpu.getOsidMapped() : gpu.getOsidWindow();
		return Optional.of(new OsidBank(first + osid * gpu.getOsidWindow(), size, first));
	}

	/** The bank lies inside the GPU's first register range, as the board declares it. */
	public boolean insideRegistersOf(Device gpu) {
		long first = gpu.getRegs().get(0).getBase();
		return base >= first && end() <= first + gpu.getRegs().get(0).getSize();
	}
}
