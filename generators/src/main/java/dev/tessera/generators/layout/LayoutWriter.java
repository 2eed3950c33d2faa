package dev.tessera.generators.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.FrontendPlan;
import dev.tessera.core.plan.Plan;

/**
 * layout.yaml, the driver-domain layout for people and tools: every domain with its CPUs and memory, the
 * devices it owns, the backends it serves and to whom, the GPUs it hosts or uses, and the start order.
 */
public final class LayoutWriter {
	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
			.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
			.enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

	public byte[] write(Plan plan) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("system", plan.system());
		m.put("board", plan.board());
		m.put("start_order", plan.startOrder());
		List<Object> domains = new ArrayList<>();
		for (DomainPlan d : plan.domains()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("name", d.name());
			e.put("role", d.role());
			e.put("boot", d.start());
			e.put("os", d.os());
			e.put("memory_mib", d.memoryMib());
			e.put("vcpus", d.vcpus());
			if (d.cpupool() != null) e.put("cpus", d.cpupool().cpus());
			else if (!d.pin().isEmpty()) e.put("cpus", d.pin());
			if (!d.staticMemory().isEmpty())
				e.put("static_memory", d.staticMemory().stream().map(r -> ordered("address", r.base(), "size", r.size())).toList());
			e.put("owns", d.passthrough().stream().filter(p -> !p.window())
					.map(p -> ordered("device", p.device(), "path", p.hostPath(), "iommu", p.behindIommu())).toList());
			List<Object> serves = new ArrayList<>();
			for (DomainPlan f : plan.domains())
				for (FrontendPlan fp : f.frontends())
					if (fp.backend().equals(d.name()) || ("dom0".equals(d.start()) && "Domain-0".equals(fp.backend())))
						serves.add(ordered("kind", fp.kind(), "frontend", f.name()));
			e.put("serves", serves);
			e.put("uses", d.frontends().stream().map(fp -> ordered("kind", fp.kind(), "backend", fp.backend())).toList());
			domains.add(e);
		}
		m.put("domains", domains);
		m.put("gpus", plan.gpus().stream().map(g -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("device", g.device());
			e.put("mode", g.mode());
			e.put("host", g.host());
			// one interrupt for all OSIDs: Xen routes it to the host alone, whose driver serves the guests
			if (!g.irqs().isEmpty()) e.put("interrupts", ordered("to", g.host(), "xl", g.irqs().stream().map(i -> i.xlNumber()).toList()));
			e.put("guests", g.guests().stream().map(x -> {
				Map<String, Object> gm = new LinkedHashMap<>();
				gm.put("domain", x.domain());
				if (x.osid() != null) gm.put("osid", x.osid());
				if (x.window() != null)
					gm.put("registers", ordered("address", x.window().base(), "size", x.window().size(), "guest_address", x.window().guest()));
				return gm;
			}).toList());
			return e;
		}).toList());
		try {
			return YAML.writeValueAsBytes(m);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A map that keeps its keys in the order given: the same input writes the same bytes. */
	static Map<String, Object> ordered(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
		return m;
	}
}
