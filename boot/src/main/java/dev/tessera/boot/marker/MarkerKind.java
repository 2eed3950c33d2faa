package dev.tessera.boot.marker;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of marker the in-guest scripts print on a domain's console, {@code TESS-KIND name=DOMAIN ...}: the one
 * registry that the scripts ({@code init.sh} and {@code hook.sh}, resources of this package, see {@link MarkerScripts})
 * and the Java checks ({@link ExpectedMarker}, the failure lines a boot stops at) share. A test proves that the scripts
 * print only these kinds and every one of them.
 *
 * <p>A failure kind ends a boot at once: on every line of it ({@link Failure#EVERY_LINE}, the {@code ...ERR} kinds), or
 * on a line whose text starts with {@code failed} ({@link Failure#WHEN_FAILED}, kinds that report {@code ok ...} or
 * {@code failed ...}).
 */
public enum MarkerKind {
	// init.sh, in every domain
	UP("the domain's /init started"),
	MEM("kib=<MemTotal>: the memory the domain's kernel sees"),
	CPUS("n=<processors>: the vCPUs the domain's kernel sees"),
	IOMEM("a System RAM line of /proc/iomem (tess_iomem)"),
	DT("present|absent <path>: a node under /proc/device-tree (tess_dt)"),
	XL("ready, or failed and why: dom0 started xenstored, xen-init-dom0 and init-dom0less (tess_dom0, with the xl tools)"),
	XLOUT("a line of xl's output in dom0 (tess_xl; xl cpupool-list for the cpupools)"),
	XENCMD("N[piece]: the Nth 60 characters of Xen's command line as xl info shows it (tess_xencmd)"),
	DONE("the domain's /init ran every check it was asked for"),

	// hook.sh: what the harness's command lines ask for
	DTREG("/passthrough/<node> <reg cells>|absent: a passed-through device's node in the guest's device tree (tess_dtreg)"),
	GPIO("<device> bound <driver> gpiochip<n> ngpio=<n> line0=<0|1>: a passed-through GPIO controller's driver bound it and read a line (tess_gpio)"),
	GPIOERR("a passed-through GPIO controller is absent, no driver bound it, or its line could not be read", Failure.EVERY_LINE),
	SHM("wrote <address> | read <address> <word>: static shared memory, written by its owner, read by a borrower (tess_shmw, tess_shmr)"),
	XS("late=yes|no xenbus up after <n>s: a domain Xen started with its PV interfaces got xenstore from dom0's init-dom0less (tess_latexs)"),
	XSERR("such a domain never got xenstore", Failure.EVERY_LINE),
	SERVE("ok after <n>s | failed: <last line>: a driver domain ran the generated xl/serve-<name>.sh unchanged (tess_domd)", Failure.WHEN_FAILED),
	BRIDGE("<bridge> <address>/24: a driver domain made a bridge its vifs join (tess_br)"),
	BRIF("vif<domid>.<n> connected <bridge> <mac>: a served vif is a port of its bridge, which learnt the guest's MAC on it (tess_brif)"),
	BRIFERR("a bridge could not be made, or a served vif never joined it (with the hotplug logs)", Failure.EVERY_LINE),
	DISK("<vdev> tessera-disk <image>|absent: a guest read the first line of a disk a driver domain serves (tess_disk)"),
	NET("ping <address> from eth<i> <mac> <n>/3: a guest's vif got replies from its driver domain's bridge (tess_net)"),
	NETERR("a guest's vif is absent or its ping got no reply", Failure.EVERY_LINE),
	XLERR("why xenconsoled failed in dom0 (details, for the relay of tess_relay)"),
	DOM0LESS("a line init-dom0less printed in dom0 (tess_start)"),
	STARTLOG("a line of the generated start script's output, or of a driver domain's serve script (details, before START or SERVE failed)"),
	START("ok | failed: <last line>: dom0 ran the generated xl/start-domains.sh unchanged (tess_start)", Failure.WHEN_FAILED),
	XLLABEL("<name> <id> <label>: a domain's FLASK label as xl list -Z shows it after the start script (tess_start, FLASK only)"),
	XLLIST("<name> <id> <cpupool>: a domain as xl list -c shows it after the start script (tess_start)"),
	XLN("ok|failed <config>: xl -N create accepted an xl config (tess_xlcheck)", Failure.WHEN_FAILED),
	XLNOUT("<config> \"<field>\": <JSON string>: a text field of the configuration xl -N create built (tess_xlcheck)"),
	XLA("ok|failed <line>: xl -N <kind>-attach accepted a generated attach line (tess_xlcheck)", Failure.WHEN_FAILED),
	XLAOUT("<line> <what xl parsed>: the device spec an attach dry run understood (tess_xlcheck)"),
	SHARES("window=<n>s d<domid>=<percent> ...: in dom0, after the start script, every domain's share of one CPU over the window, from Xen's cpu_time (tess_shares) | failed: why",
			Failure.WHEN_FAILED);

	/** What every marker line starts with. */
	public static final String PREFIX = "TESS-";

	/** When a marker of a kind ends a boot as failed. */
	public enum Failure {
		/** never: a fact to check, or details */
		NONE,
		/** on every line of the kind */
		EVERY_LINE,
		/** on a line whose text starts with {@code failed} */
		WHEN_FAILED
	}

	private final String meaning;
	private final Failure failure;

	MarkerKind(String meaning) {
		this(meaning, Failure.NONE);
	}

	MarkerKind(String meaning, Failure failure) {
		this.meaning = meaning;
		this.failure = failure;
	}

	/** What a line of this kind says, and which boot argument asks for it. */
	public String meaning() {
		return meaning;
	}

	public Failure failure() {
		return failure;
	}

	public boolean isFailure() {
		return failure != Failure.NONE;
	}

	/** Whether this marker, of this kind, ends the boot as failed. */
	public boolean failsOn(MarkerLine m) {
		if (!m.kind().equals(name())) return false;
		return switch (failure) {
			case NONE -> false;
			case EVERY_LINE -> true;
			case WHEN_FAILED -> m.body().startsWith("failed");
		};
	}

	/** The kinds that end a boot as failed. */
	public static Set<MarkerKind> failures() {
		EnumSet<MarkerKind> s = EnumSet.noneOf(MarkerKind.class);
		for (MarkerKind k : values())
			if (k.isFailure()) s.add(k);
		return s;
	}

	/** The registered kind of this name ({@code MEM} for {@code TESS-MEM}), if there is one. */
	public static Optional<MarkerKind> named(String kind) {
		return Arrays.stream(values()).filter(k -> k.name().equals(kind)).findFirst();
	}
}
