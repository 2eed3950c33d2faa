package dev.tessera.core.plan;

import java.util.List;

import dev.tessera.model.Addressing;

/**
 * How the boot loader gets every file into memory.
 *
 * @param addressing    fixed: Tessera places every file; dynamic: U-Boot packs them at boot from their sizes
 * @param loadCommand   the U-Boot command that loads a file to an address (tftpb, load mmc 0:1, ...)
 * @param preloaded     the files are already in memory at their planned addresses: the script loads nothing
 * @param loadStart     where dynamic placement starts (past the loader's areas and the script)
 * @param scriptAddress where the boot script itself can be put in memory without overlapping anything
 * @param scriptRoom    how many bytes are kept for it there
 * @param loads         every file the loader loads, each once, in load order (Xen first)
 */
public record BootPlan(Addressing addressing, String loadCommand, boolean preloaded, long loadStart, long scriptAddress,
		long scriptRoom, List<BootModule> loads) {
	public boolean dynamic() {
		return addressing == Addressing.DYNAMIC;
	}
}
