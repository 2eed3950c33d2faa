package dev.tessera.generators.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import dev.tessera.core.plan.BootModule;
import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.Plan;

/**
 * manifest.yaml, for build systems: every artifact with its role and sha256, every domain with its id, how it
 * boots, its memory, vCPUs and modules (file, address, size; null where U-Boot computes them at boot).
 */
public final class ManifestWriter {
	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
			.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
			.enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
	// xen_version "4.17" stays a string: ALWAYS_QUOTE_NUMBERS_AS_STRINGS quotes strings that look like numbers.

	/** An output file and what it is for. */
	public record Artifact(String path, String role) {
	}

	public byte[] write(Plan plan, Path root, List<Artifact> artifacts) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("tessera_manifest", 1);
		m.put("system", plan.system());
		m.put("board", plan.board());
		m.put("arch", plan.arch());
		m.put("xen_version", plan.xenVersion());
		m.put("xen_cmdline", plan.xenCmdline());
		Map<String, Object> boot = new LinkedHashMap<>();
		boot.put("addressing", plan.addressing());
		boot.put("load_start", hex(plan.loadStart()));
		boot.put("script_address", hex(plan.scriptAddress()));
		boot.put("xen", module(plan.xen()));
		List<Object> loads = new ArrayList<>();
		plan.loads().forEach(l -> loads.add(module(l)));
		boot.put("loads", loads);
		m.put("boot", boot);
		List<Object> arts = new ArrayList<>();
		artifacts.stream().sorted(java.util.Comparator.comparing(Artifact::path)).forEach(a -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("path", a.path());
			e.put("role", a.role());
			e.put("sha256", sha256(root.resolve(a.path())));
			arts.add(e);
		});
		m.put("artifacts", arts);
		List<Object> domains = new ArrayList<>();
		for (DomainPlan d : plan.domains()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("name", d.name());
			e.put("id", d.id());
			e.put("boot", d.start());
			e.put("role", d.role());
			e.put("os", d.os());
			e.put("memory_kib", d.memoryKib());
			e.put("vcpus", d.vcpus());
			if (!d.staticMemory().isEmpty()) {
				List<Object> regions = new ArrayList<>();
				d.staticMemory().forEach(r -> regions.add(ordered("address", hex(r.base()), "size", r.size())));
				e.put("static_memory", regions);
				e.put("direct_map", d.directMap());
			}
			if (d.cpupool() != null) e.put("cpupool", d.cpupool().name());
			if (!d.pin().isEmpty()) e.put("pin", d.pinList());
			List<Object> modules = new ArrayList<>();
			for (BootModule b : new BootModule[] { d.kernel(), d.ramdisk(), d.deviceTree() })
				if (b != null) modules.add(module(b));
			e.put("modules", modules);
			if (d.hasPassthrough()) e.put("passthrough", d.passthrough().stream().map(p -> p.hostPath()).toList());
			if (!d.sharedMemory().isEmpty())
				e.put("shared_memory", d.sharedMemory().stream().map(x -> ordered("id", x.id(), "role", x.role(), "host_address",
						x.hostAddress(), "guest_address", x.guestAddress(), "size", x.size())).toList());
			domains.add(e);
		}
		m.put("domains", domains);
		try {
			return YAML.writeValueAsBytes(m);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Map<String, Object> module(BootModule b) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("file", b.file());
		e.put("kind", b.kind());
		e.put("address", b.placed() ? hex(b.address()) : null);
		e.put("size", b.size() >= 0 ? b.size() : null);
		e.put("size_from", b.sizeSource());
		return e;
	}

	/** Addresses are plain integers: every YAML reader agrees on them (an unquoted 0x… is an integer to some, a string to others). */
	private static Long hex(long v) {
		return v < 0 ? null : v;
	}

	static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A map that keeps its keys in the order given: the same input writes the same bytes. */
	static Map<String, Object> ordered(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
		return m;
	}
}
