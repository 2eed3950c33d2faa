package dev.tessera.generators.manifest;

import static dev.tessera.generators.yaml.Yaml.ordered;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.Plan;
import dev.tessera.generators.yaml.Yaml;

/**
 * manifest.yaml, for build systems: every artifact with its role and sha256, every domain with its id, how it
 * boots, its memory, vCPUs and modules (file, address, size; null where U-Boot computes them at boot).
 */
public final class ManifestWriter {
	/** An output file and what it is for. */
	public record Artifact(String path, String role) {
	}

	/**
	 * A file the run read: a .tess file, a board's device tree, a measured boot file; its path as the build names it
	 * (relative to the system file's folder where it can be, so that the manifest is the same in every checkout).
	 */
	public record Input(String path, String kind, String sha256) {
	}

	public byte[] write(Plan plan, Path root, List<Artifact> artifacts) {
		return write(plan, root, artifacts, List.of());
	}

	public byte[] write(Plan plan, Path root, List<Artifact> artifacts, List<Input> inputs) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("tessera_manifest", 1);
		m.put("tessera_version", dev.tessera.core.TesseraVersion.get());
		m.put("system", plan.system());
		if (plan.variant() != null) m.put("variant", plan.variant());
		m.put("board", plan.board());
		m.put("arch", plan.arch().getLiteral());
		m.put("xen_version", plan.xenVersion().toString());
		m.put("xen_cmdline", plan.xen().cmdline());
		Map<String, Object> boot = new LinkedHashMap<>();
		boot.put("addressing", plan.boot().addressing().getLiteral());
		boot.put("load_start", address(plan.boot().loadStart()));
		boot.put("script_address", address(plan.boot().scriptAddress()));
		boot.put("xen", module(plan.xen().image()));
		boot.put("loads", plan.boot().loads().stream().map(ManifestWriter::module).toList());
		m.put("boot", boot);
		List<Object> arts = new ArrayList<>();
		artifacts.stream().sorted(Comparator.comparing(Artifact::path))
				.forEach(a -> arts.add(ordered("path", a.path(), "role", a.role(), "sha256", sha256(root.resolve(a.path())))));
		m.put("artifacts", arts);
		if (!inputs.isEmpty())
			m.put("inputs", inputs.stream().sorted(Comparator.comparing(Input::path))
					.map(i -> ordered("path", i.path(), "kind", i.kind(), "sha256", i.sha256())).toList());
		List<Object> domains = new ArrayList<>();
		for (DomainPlan d : plan.domains()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("name", d.name());
			e.put("id", d.id());
			e.put("boot", d.start().getLiteral());
			e.put("role", d.role().getLiteral());
			e.put("os", d.os().getLiteral());
			e.put("memory_kib", d.memory().kib());
			e.put("vcpus", d.cpus().vcpus());
			if (!d.memory().staticRanges().isEmpty()) {
				e.put("static_memory", d.memory().staticRanges().stream().map(r -> ordered("address", address(r.base()), "size", r.size())).toList());
				e.put("direct_map", d.memory().directMap());
			}
			if (d.cpus().pool() != null) e.put("cpupool", d.cpus().pool().name());
			if (!d.cpus().pin().isEmpty()) e.put("pin", d.cpus().pinList());
			List<Object> modules = new ArrayList<>();
			for (BootModule b : new BootModule[] { d.boot().kernel(), d.boot().ramdisk(), d.boot().deviceTree() })
				if (b != null) modules.add(module(b));
			e.put("modules", modules);
			if (!d.devices().passthrough().isEmpty()) e.put("passthrough", d.devices().passthrough().stream().map(p -> p.hostPath()).toList());
			if (!d.memory().shared().isEmpty())
				e.put("shared_memory", d.memory().shared().stream().map(x -> ordered("id", x.id(), "role", x.role().label(), "host_address",
						x.hostAddress(), "guest_address", x.guestAddress(), "size", x.size())).toList());
			domains.add(e);
		}
		m.put("domains", domains);
		return Yaml.write(m);
	}

	private static Map<String, Object> module(BootModule b) {
		return ordered("file", b.file(), "kind", b.kind().label(), "address", b.placed() ? address(b.address()) : null, "size",
				b.size() >= 0 ? b.size() : null, "size_from", b.sizeSource().label());
	}

	/** Addresses are plain integers: every YAML reader agrees on them (an unquoted 0x… is an integer to some, a string to others). */
	private static Long address(long v) {
		return v < 0 ? null : v;
	}

	static String sha256(Path file) {
		try {
			return sha256(Files.readAllBytes(file));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The hex sha256 of content, as the manifest writes every digest. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
