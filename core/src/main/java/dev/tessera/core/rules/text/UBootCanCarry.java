package dev.tessera.core.rules.text;

import static dev.tessera.model.TesseraPackage.Literals.BOOT_FILE__PATH;
import static dev.tessera.model.TesseraPackage.Literals.DOMAIN__CMDLINE;
import static dev.tessera.model.TesseraPackage.Literals.XEN_SETTINGS__CMDLINE;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.text.SafeText;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Addressing;
import dev.tessera.model.BootFile;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * What the U-Boot script cannot carry although every character is escaped: U-Boot's {@code fdt set} (cmd/fdt.c,
 * fdt_parse_prop) stores a value that starts with {@code <} as cells and one that starts with {@code [} as bytes,
 * never as the string it is; and hush reads a line that expands a variable twice, the second time with each quoted
 * word in single quotes, which no {@code '} survives (the load lines of dynamic addressing name the files); and U-Boot's
 * network loads (tftpboot, dhcp, bootp, rarpboot, nfs) copy the file name up to its first {@code "} (net/net.c,
 * copy_filename), so such a name is fetched cut short. Found by running the generated script in U-Boot 2023.01
 * (UBootCarriesHostileTextTest in the boot module).
 */
public final class UBootCanCarry extends Rule {
	static final RuleInfo INFO = new RuleInfo("text.uboot", Section.TEXT, Severity.ERROR,
			"U-Boot's fdt set and hush can carry every value of the boot script",
			"U-Boot's fdt set reads a value that starts with '<' as numbers and one that starts with '[' as bytes, so "
					+ "such a command line would reach Xen or Linux as binary cells; with dynamic addressing the line that loads "
					+ "a file also expands a variable, and U-Boot's hush reads it a second time inside single quotes, where a "
					+ "' in the file name ends the quotes and stops the script with a syntax error; U-Boot's network loads "
					+ "(tftpb, dhcp, nfs) end a file name at its first \", fetching another file or none.");

	public UBootCanCarry() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		if (s.getXen() != null && SafeText.fdtReadsAsNumbers(trimmed(s.getXen().getCmdline())))
			out.report(INFO, s.getXen(), XEN_SETTINGS__CMDLINE, "Xen's command line starts with '"
					+ trimmed(s.getXen().getCmdline()).charAt(0) + "', which U-Boot's fdt set stores as numbers, not text, where it "
					+ "starts xen,xen-bootargs: start it with an option");
		boolean loads = s.getBoot() == null || !s.getBoot().isPreloaded();
		boolean dynamic = loads && s.getBoot() != null && s.getBoot().getAddressing() == Addressing.DYNAMIC;
		boolean network = loads && NETWORK_LOADS.contains(loadWord(s));
		for (Domain d : s.getDomains()) {
			Start start = Systems.startOf(d);
			if (start != Start.XL && SafeText.fdtReadsAsNumbers(d.getCmdline()))
				out.report(INFO, d, DOMAIN__CMDLINE, "the command line of domain '" + d.getName() + "' starts with '"
						+ d.getCmdline().charAt(0) + "', which U-Boot's fdt set stores as numbers, not text: start it with an option");
			if (start != Start.XL)
				for (BootFile f : new BootFile[] { d.getKernel(), d.getRamdisk(), d.getDeviceTree() }) {
					if (dynamic) quote(out, f);
					if (network) doubleQuote(out, f, loadWord(s));
				}
		}
		if (s.getXen() != null) {
			if (dynamic) quote(out, s.getXen().getImage());
			if (network) doubleQuote(out, s.getXen().getImage(), loadWord(s));
		}
	}

	/** U-Boot's commands that fetch a file by name over the network through copy_filename. */
	static final java.util.Set<String> NETWORK_LOADS = java.util.Set.of("tftpb", "tftpboot", "dhcp", "bootp", "rarpboot", "nfs");

	/** The load command's command word (the default is tftpb). */
	private static String loadWord(System s) {
		String cmd = s.getBoot() == null || s.getBoot().getLoadCommand() == null ? "tftpb" : s.getBoot().getLoadCommand().strip();
		int sp = cmd.indexOf(' ');
		return sp < 0 ? cmd : cmd.substring(0, sp);
	}

	private static void doubleQuote(Findings out, BootFile f, String load) {
		if (f == null || f.getPath() == null) return;
		int i = f.getPath().indexOf('"');
		if (i >= 0)
			out.report(INFO, f, BOOT_FILE__PATH, TextFields.owner(f) + " '" + f.getPath() + "' has a \" at character " + (i + 1)
					+ ": U-Boot's " + load + " ends a file name at its first \" and would fetch '" + f.getPath().substring(0, i)
					+ "'; rename the file");
	}

	private static String trimmed(String s) {
		return s == null ? null : s.trim();
	}

	private static void quote(Findings out, BootFile f) {
		if (f == null || f.getPath() == null) return;
		int i = f.getPath().indexOf('\'');
		if (i >= 0)
			out.report(INFO, f, BOOT_FILE__PATH, TextFields.owner(f) + " '" + f.getPath() + "' has a ' at character " + (i + 1)
					+ ": with dynamic addressing U-Boot's hush reads its load line twice and the ' ends the quotes; rename the file");
	}
}
