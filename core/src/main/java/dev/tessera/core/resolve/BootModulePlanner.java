package dev.tessera.core.resolve;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.eclipse.emf.ecore.EObject;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.BootModule.Kind;
import dev.tessera.core.plan.BootModule.SizeSource;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.OutputFiles;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.XenBehaviour;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.model.Arch;
import dev.tessera.model.Board;
import dev.tessera.model.BootFile;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;

/**
 * Boot modules: the size of every file the loader loads (measured, declared, or fixed by Tessera), and where it
 * goes. Modules are placed one after another, 2 MiB aligned, in free RAM above the load start; a file named twice
 * is loaded once, except that from Xen 4.18 dom0 gets copies of its own (Xen drops a module that overlaps one
 * registered before, and dom0 would lose its kernel: {@link XenBehaviour#dom0SharesBootModules}). With dynamic
 * addressing U-Boot places them at boot and only the boot script is placed here.
 */
final class BootModulePlanner {
	private final FileProbe probe;
	private final FreeMemory free;
	private final long from;
	private final boolean dynamic;
	private final Findings out;
	private final boolean dom0Shares;
	/** Every module placed, by what makes it the same module: its file and kind, and whether it is dom0's own copy. */
	private final Map<String, BootModule> placed = new LinkedHashMap<>();

	BootModulePlanner(FileProbe probe, FreeMemory free, long loadStart, boolean dynamic, XenVersion xen, Findings out) {
		this.dom0Shares = XenBehaviour.dom0SharesBootModules(xen);
		this.probe = probe;
		this.free = free;
		this.from = Sizes.alignUp(loadStart, Resolver.ALIGN);
		this.dynamic = dynamic;
		this.out = out;
	}

	/** Xen's image and the boot script; in dynamic addressing the script goes first, as U-Boot runs it from there. */
	record XenAndScript(BootModule xen, BootModule script, long dynamicStart) {
	}

	XenAndScript xenAndScript(BootFile xenFile, EObject xenSettings, EObject system) {
		BootModule script0 = dynamic ? script(system) : null;
		String xenPath = xenFile != null && xenFile.getPath() != null ? xenFile.getPath() : Resolver.DEFAULT_XEN_IMAGE;
		BootModule xen = place(xenPath, Kind.XEN, false, sizeOf(xenFile, xenPath, true), xenFile != null ? xenFile : xenSettings, "Xen's image", "xen");
		BootModule script = script0 != null ? script0 : script(system);
		// U-Boot packs dynamically placed files one after another from here: past the loader's areas and the script
		long dynamicStart = dynamic ? free.lowest(from, Resolver.ALIGN, Resolver.ALIGN).orElse(from) : from;
		return new XenAndScript(xen, script, dynamicStart);
	}

	private BootModule script(EObject system) {
		long room = system instanceof dev.tessera.model.System s ? ScriptRoom.of(s) : Resolver.SCRIPT_SIZE;
		return place(OutputFiles.BOOT_SCR, Kind.SCRIPT, false, new Sized(room, SizeSource.GENERATED), system, "the boot script", "script");
	}

	/**
	 * A domain's kernel, ramdisk and device tree; xl domains' files are not loaded (dom0 reads them). A domain
	 * other than dom0 that is given devices and names no device tree gets the one Tessera generates.
	 */
	DomainPlan.Boot domain(Domain d, int id, Start start, Board board, boolean givenDevices) {
		boolean loaded = start != Start.XL;
		if (board.getArch() == Arch.ARM32 && loaded && d.getKernel() != null && d.getKernel().getPath() != null
				&& probe.isArm64Image(d.getKernel().getPath()))
			out.report(ResolutionRules.KERNEL_ARCH, d.getKernel(), BOOT_FILE__PATH, "the kernel of domain '" + d.getName() + "' ('"
					+ d.getKernel().getPath() + "') is an arm64 Image, but board '" + board.getName() + "' is 32-bit Arm: use a 32-bit kernel (zImage)");
		String var = "d" + id;
		boolean dom0 = start == Start.DOM0;
		BootModule kernel = module(d.getKernel(), Kind.KERNEL, d, dom0, loaded, var + "k");
		BootModule ramdisk = module(d.getRamdisk(), Kind.RAMDISK, d, dom0, loaded, var + "r");
		BootModule dtb = module(d.getDeviceTree(), Kind.DEVICE_TREE, d, dom0, loaded, var + "t");
		boolean generated = false;
		if (dtb == null && givenDevices && start != Start.DOM0) {
			generated = true;
			// dom0less domains take it as a boot module; xl domains read it from dom0's /etc/xen
			dtb = loaded ? place(OutputFiles.bootPartialDtb(d.getName()), Kind.DEVICE_TREE, false, new Sized(Resolver.PARTIAL_DTB_SIZE, SizeSource.GENERATED), d,
					"the partial device tree of domain '" + d.getName() + "'", var + "t")
					: new BootModule(OutputFiles.xlPartialDtbName(d.getName()), Kind.DEVICE_TREE, -1, -1, SizeSource.GENERATED, var + "t");
		}
		return new DomainPlan.Boot(kernel, ramdisk, dtb, generated, d.getCmdline());
	}

	/** The compiled FLASK policy Tessera writes, in the room kept for it. */
	BootModule xsmPolicy(EObject xenSettings) {
		return place(OutputFiles.XEN_POLICY, Kind.XSM_POLICY, false, new Sized(Resolver.XSM_POLICY_SIZE, SizeSource.GENERATED), xenSettings,
				"the FLASK policy", "xsm");
	}

	/** Every file the loader loads, each once, in load order (the script is not one of them: it loads them). */
	List<BootModule> loads() {
		return placed.values().stream().filter(m -> m.kind() != Kind.SCRIPT).toList();
	}

	private BootModule module(BootFile f, Kind kind, Domain d, boolean dom0, boolean loaded, String var) {
		if (f == null || f.getPath() == null) return null;
		Sized size = sizeOf(f, f.getPath(), false);
		String what = "the " + kind.label() + " of domain '" + d.getName() + "'";
		if (!loaded) return new BootModule(f.getPath(), kind, -1, size == null ? -1 : size.bytes(), size == null ? SizeSource.UNKNOWN : size.source(), var);
		return place(f.getPath(), kind, dom0, size, f, what, var);
	}

	private Sized sizeOf(BootFile f, String path, boolean image) {
		OptionalLong measured = image ? probe.loadedSize(path) : probe.size(path);
		if (measured.isPresent()) {
			if (f != null && f.getMaxSize() > 0 && measured.getAsLong() > f.getMaxSize())
				out.report(ResolutionRules.MODULE_MAX, f, BOOT_FILE__PATH, "'" + path + "' is " + Sizes.human(measured.getAsLong())
						+ ", more than its declared maximum of " + Sizes.human(f.getMaxSize()) + ": raise the maximum");
			return new Sized(measured.getAsLong(), SizeSource.FILE);
		}
		if (f != null && f.getMaxSize() > 0) return new Sized(f.getMaxSize(), SizeSource.MAX);
		return null;
	}

	private BootModule place(String file, Kind kind, boolean dom0, Sized size, EObject at, String what, String var) {
		String key = kind + " " + file + (dom0 && !dom0Shares ? " of dom0" : "");
		BootModule known = placed.get(key);
		if (known != null) return known;
		BootModule m;
		if (dynamic && kind != Kind.SCRIPT) {
			m = new BootModule(file, kind, -1, size == null ? -1 : size.bytes(), size == null ? SizeSource.BOOT : size.source(), var);
		} else if (size == null) {
			out.report(ResolutionRules.MODULE_SIZE, at, at instanceof BootFile ? BOOT_FILE__PATH : null, what + " ('"
					+ file + "') is not in the files folder and declares no maximum: add the file, write 'max <size>', "
					+ "or use 'addressing dynamic'");
			m = new BootModule(file, kind, -1, -1, SizeSource.UNKNOWN, var);
		} else {
			OptionalLong base = free.lowest(from, size.bytes(), Resolver.ALIGN);
			if (base.isEmpty()) {
				out.report(ResolutionRules.MODULE_FIT, at, at instanceof BootFile ? BOOT_FILE__PATH : null, what + " ('"
						+ file + "', " + Sizes.human(size.bytes()) + ") does not fit in the free RAM above "
						+ Sizes.hex(from) + " (the largest free range is " + Sizes.human(free.largest()) + ")");
				m = new BootModule(file, kind, -1, size.bytes(), size.source(), var);
			} else {
				free.claim(base.getAsLong(), Sizes.alignUp(size.bytes(), Resolver.ALIGN));
				m = new BootModule(file, kind, base.getAsLong(), size.bytes(), size.source(), var);
			}
		}
		placed.put(key, m);
		return m;
	}

	record Sized(long bytes, SizeSource source) {
	}
}
