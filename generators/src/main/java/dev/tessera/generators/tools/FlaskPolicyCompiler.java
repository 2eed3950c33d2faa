package dev.tessera.generators.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.tessera.core.time.Phases;
import dev.tessera.core.xen.XenVersion;
import dev.tessera.process.ExternalProgram;

/**
 * Compiles a system's FLASK policy module against the policy sources of the Xen it targets, as Xen's own
 * {@code tools/flask/policy/Makefile.common} does: m4 over Xen's classes, initial SIDs and access vectors, its support
 * macros, the enabled modules' interfaces and types, users, SID contexts and device contexts; then checkpolicy for Xen
 * (policy version 30, which Xen 4.17 to 4.21 read). The classes and permissions are the hypervisor's own, so the
 * sources must be those of the Xen release that boots the policy. Nothing runs through a shell.
 */
public final class FlaskPolicyCompiler {
	/** Xen's modules the policy is made of, before the system's own: the base types and dom0's, and the one role. */
	public static final List<String> XEN_MODULES = List.of("xen", "dom0", "all_system_role");
	/** The name of the system's own module in modules.conf. */
	public static final String OWN_MODULE = "tessera";
	/** The policy format Xen reads (POLICY_VER_LIST_HV in Xen's Makefile.common). */
	static final String POLICY_VERSION = "30";

	private final ExternalProgram m4 = new ExternalProgram("m4", "m4");
	private final ExternalProgram checkpolicy = new ExternalProgram("checkpolicy", "checkpolicy");

	/** The Xen release of a source tree, from xen/Makefile's XEN_VERSION and XEN_SUBVERSION. */
	public static XenVersion versionOf(Path xenSource) throws IOException {
		String mk = Files.readString(xenSource.resolve("xen/Makefile"), StandardCharsets.ISO_8859_1);
		Matcher major = Pattern.compile("(?m)^\\s*export XEN_VERSION\\s*=\\s*(\\d+)").matcher(mk);
		Matcher minor = Pattern.compile("(?m)^\\s*export XEN_SUBVERSION\\s*=\\s*(\\d+)").matcher(mk);
		if (!major.find() || !minor.find()) throw new IOException(xenSource.resolve("xen/Makefile") + " names no XEN_VERSION and XEN_SUBVERSION");
		return new XenVersion(Integer.parseInt(major.group(1)), Integer.parseInt(minor.group(1)));
	}

	/** Whether a folder holds Xen's policy sources. */
	public static boolean hasPolicySources(Path xenSource) {
		return Files.isRegularFile(xenSource.resolve("xen/xsm/flask/policy/access_vectors"))
				&& Files.isRegularFile(xenSource.resolve("tools/flask/policy/modules/xen.if"));
	}

	/**
	 * Expands the policy ({@code policyConf}, relative to {@code dir}) and compiles it to {@code output}.
	 *
	 * @param ownModule the system's module (.te), relative to {@code dir}
	 * @throws ToolFailedException when m4 or checkpolicy refuses it
	 */
	public void compile(Path xenSource, Path dir, String ownModule, String policyConf, String output) {
		Path flask = xenSource.resolve("xen/xsm/flask/policy");
		Path pol = xenSource.resolve("tools/flask/policy/policy");
		Path mods = xenSource.resolve("tools/flask/policy/modules");
		List<String> args = new ArrayList<>(List.of("-D", "self_contained_policy", "-s", "-D", "mls_num_sens=16", "-D", "mls_num_cats=256"));
		for (Path p : List.of(flask.resolve("security_classes"), flask.resolve("initial_sids"), flask.resolve("access_vectors"),
				pol.resolve("security_classes"), pol.resolve("access_vectors")))
			args.add(p.toString());
		args.addAll(sorted(pol.resolve("support"), ".spt"));
		args.add(pol.resolve("mls").toString());
		for (String m : XEN_MODULES) if (Files.isRegularFile(mods.resolve(m + ".if"))) args.add(mods.resolve(m + ".if").toString());
		args.add(pol.resolve("global_tunables").toString());
		for (String m : XEN_MODULES) args.add(mods.resolve(m + ".te").toString());
		args.add(ownModule);
		args.add(pol.resolve("users").toString());
		for (String m : XEN_MODULES) if (Files.isRegularFile(mods.resolve(m + ".cons"))) args.add(mods.resolve(m + ".cons").toString());
		args.add(pol.resolve("initial_sids").toString());
		args.add(pol.resolve("device_contexts").toString());
		try (var t = Phases.start("tools")) {
			ExternalProgram.Result expanded = m4.run(dir, args);
			if (expanded.exitCode() != 0) throw new ToolFailedException("m4 could not expand the FLASK policy: " + expanded.stderr().strip());
			Files.writeString(dir.resolve(policyConf), expanded.stdout(), StandardCharsets.UTF_8);
			ExternalProgram.Result r = checkpolicy.run(dir, List.of("-t", "Xen", "-c", POLICY_VERSION, "-o", output, policyConf));
			if (r.exitCode() != 0)
				throw new ToolFailedException("checkpolicy could not compile the FLASK policy: " + (r.stderr().strip() + "\n" + r.stdout().strip()).strip());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> sorted(Path folder, String suffix) {
		try (Stream<Path> s = Files.list(folder)) {
			return s.filter(p -> p.getFileName().toString().endsWith(suffix)).map(Path::toString).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
