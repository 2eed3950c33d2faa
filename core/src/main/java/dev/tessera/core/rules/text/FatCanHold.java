package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.BOOT_FILE__PATH;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.BootFile;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * A UEFI boot reads every file from the EFI system partition, which is FAT: a long file name cannot hold
 * {@code " * : < > ? \ |} (Microsoft's FAT specification, "Long Name Specification"; Linux's vfat driver refuses the
 * same, fs/fat/namei_vfat.c vfat_bad_char), and a trailing dot or space is dropped from a name. uefi/xen.cfg is written
 * for every system and the same system may boot through U-Boot from ext4 or TFTP, where such names are fine: a warning.
 */
public final class FatCanHold extends Rule {
	static final RuleInfo INFO = new RuleInfo("text.fat-name", Section.TEXT, Severity.WARNING,
			"Boot files can lie on the FAT of an EFI system partition",
			"A UEFI boot (uefi/xen.cfg) reads Xen, the kernels, ramdisks and device trees from the EFI system partition, "
					+ "which is FAT: no part of a file's path may hold \" * : < > ? \\ | or end in a dot or a space. Such a "
					+ "file cannot be copied there, so only the U-Boot route (ext4, TFTP) can boot the system.");

	/** What FAT's long names cannot hold; '/' separates folders in Tessera's paths and is no part of a name. */
	static final String FAT_ILLEGAL = "\"*:<>?\\|";

	public FatCanHold() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		// what the boot loader loads: Xen and the files of domains Xen starts; xl reads the others from dom0's disk
		for (var it = s.eAllContents(); it.hasNext();) {
			var o = it.next();
			if (o instanceof dev.tessera.model.Variant) it.prune(); // checked in the variant's own system
			else if (o instanceof BootFile f && f.getPath() != null
					&& !(f.eContainer() instanceof Domain d && Systems.startOf(d) == Start.XL)) {
				String problem = problem(f.getPath());
				if (problem != null)
					out.report(INFO, f, BOOT_FILE__PATH, TextFields.owner(f) + " '" + f.getPath() + "' " + problem
							+ ": it cannot lie on the FAT of an EFI system partition, so uefi/xen.cfg cannot boot it (U-Boot from ext4 or TFTP can)");
			}
		}
	}

	/** Why FAT cannot hold the path, or null. */
	static String problem(String path) {
		for (int i = 0; i < path.length(); i++)
			if (FAT_ILLEGAL.indexOf(path.charAt(i)) >= 0) return "has '" + path.charAt(i) + "' at character " + (i + 1);
		for (String part : path.split("/"))
			if (part.endsWith(".") && !part.equals(".") && !part.equals("..") || part.endsWith(" "))
				return "has a name ending in " + (part.endsWith(".") ? "a dot" : "a space") + " ('" + part + "'), which FAT drops";
		return null;
	}
}
