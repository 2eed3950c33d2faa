package dev.tessera.generators.layout;

import static dev.tessera.generators.yaml.Yaml.ordered;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.core.plan.DomainPlan;
import dev.tessera.core.plan.FrontendPlan;
import dev.tessera.core.plan.Plan;
import dev.tessera.generators.yaml.Yaml;
import dev.tessera.model.Start;

/**
 * layout.yaml, the driver-domain layout for people and tools: every domain with its CPUs and memory, the
 * devices it owns, the backends it serves and to whom, the GPUs it hosts or uses, and the start order.
 */
public final class LayoutWriter {
	public byte[] write(Plan plan) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("system", plan.system());
		if (plan.variant() != null) m.put("variant", plan.variant());
		m.put("board", plan.board());
		m.put("start_order", plan.backends().startOrder());
		List<Object> domains = new ArrayList<>();
		for (DomainPlan d : plan.domains()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("name", d.name());
			e.put("role", d.role().getLiteral());
			e.put("boot", d.start().getLiteral());
			e.put("os", d.os().getLiteral());
			e.put("memory_mib", d.memory().mib());
			e.put("vcpus", d.cpus().vcpus());
			if (d.cpus().pool() != null) e.put("cpus", d.cpus().pool().cpus());
			else if (!d.cpus().pin().isEmpty()) e.put("cpus", d.cpus().pin());
			if (!d.memory().staticRanges().isEmpty())
				e.put("static_memory", d.memory().staticRanges().stream().map(r -> ordered("address", r.base(), "size", r.size())).toList());
			e.put("owns", d.devices().owned().stream().map(p -> ordered("device", p.device(), "path", p.hostPath(), "iommu", d.devices().dmaBehindIommu(p))).toList());
			// the nodes of GPU streams: written only when there are any, so that other layouts stay as they were
			if (!d.devices().streams().isEmpty())
				e.put("iommu_streams", d.devices().streams().stream().map(p -> ordered("device", p.device(), "node", p.hostPath(), "iommu", p.stream().iommu(),
						"stream", p.stream().id())).toList());
			List<Object> serves = new ArrayList<>();
			for (DomainPlan f : plan.domains())
				for (FrontendPlan fp : f.pv().frontends())
					if (fp.backend().equals(d.name()) || (d.start() == Start.DOM0 && fp.servedByDom0()))
						serves.add(ordered("kind", fp.kind().xl(), "frontend", f.name()));
			e.put("serves", serves);
			e.put("uses", d.pv().frontends().stream().map(fp -> ordered("kind", fp.kind().xl(), "backend", fp.backend())).toList());
			domains.add(e);
		}
		m.put("domains", domains);
		m.put("gpus", plan.devices().gpus().stream().map(g -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("device", g.device());
			e.put("mode", g.mode().getLiteral());
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
		// time partitions: only written when the system has any, so that other layouts stay as they were
		if (!plan.schedules().arinc653().isEmpty())
			m.put("arinc653", plan.schedules().arinc653().stream().map(a -> ordered("pool", a.pool(), "major_frame_us", a.majorFrameUs(),
					"partitions", a.partitions().stream().map(p -> ordered("domain", p.domain(), "period_us", p.periodUs(), "budget_us", p.budgetUs()))
							.toList(),
					"slots", a.slots().stream().map(x -> ordered("domain", x.domain(), "start_us", x.startUs(), "length_us", x.lengthUs())).toList()))
					.toList());
		if (!plan.schedules().rtds().isEmpty())
			m.put("rtds", plan.schedules().rtds().stream()
					.map(r -> ordered("domain", r.domain(), "period_us", r.periodUs(), "budget_us", r.budgetUs(), "extratime", r.extratime())).toList());
		return Yaml.write(m);
	}
}
