package dev.tessera.core.rules.gpu;

import static dev.tessera.model.TesseraPackage.Literals.GPU_GUEST__DOMAIN;
import static dev.tessera.model.TesseraPackage.Literals.GPU_SHARE__DEVICE;
import static dev.tessera.model.TesseraPackage.Literals.GPU_SHARE__HOST;
import static dev.tessera.model.TesseraPackage.Literals.GPU_SHARE__MODE;
import static dev.tessera.model.TesseraPackage.Literals.PASSTHROUGH__DEVICE;

import java.util.HashMap;
import java.util.Map;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.rules.Walk;
import dev.tessera.core.rules.Walk.PassedThrough;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Device;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.Domain;
import dev.tessera.model.GpuGuest;
import dev.tessera.model.GpuShare;
import dev.tessera.model.GpuSharing;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/** A GPU is shared in a way it supports, by exactly one owner or host that has the GPU. */
public final class GpuSharedAsItAllows extends Rule {
	static final RuleInfo INFO = new RuleInfo("gpu.mode", Section.GPUS, Severity.ERROR, "A GPU is shared the way it supports, by one host that owns it",
			"Passthrough, para-virtual display, virtio-gpu and hardware virtualization each need something of the GPU and of "
					+ "the domain that drives it: a mode the board says the GPU supports, one owner or host, and that domain given the GPU "
					+ "and no other: guests reach the GPU through their host, and a host is not its own guest.");

	public GpuSharedAsItAllows() {
		super(INFO);
	}

	@Override
	public void check(System s, Findings out) {
		Map<Device, GpuShare> seen = new HashMap<>();
		for (GpuShare g : s.getGpus()) {
			Device gpu = g.getDevice();
			if (gpu == null || gpu.eIsProxy()) continue;
			if (gpu.getKind() != DeviceKind.GPU)
				out.report(INFO, g, GPU_SHARE__DEVICE, "device '" + gpu.getName() + "' is "
						+ (gpu.getKind() == null ? "no GPU" : "a " + gpu.getKind().getLiteral() + " device, not a gpu") + ": share a GPU of the board");
			else if (!gpu.getSharing().isEmpty() && !gpu.getSharing().contains(g.getMode()))
				out.report(INFO, g, GPU_SHARE__MODE, "GPU '" + gpu.getName() + "' supports " + String.join(", ", gpu.getSharing().stream().map(GpuSharing::getLiteral).toList())
						+ ", not " + g.getMode().getLiteral() + ": choose one of those");
			if (seen.putIfAbsent(gpu, g) != null)
				out.report(INFO, g, GPU_SHARE__DEVICE, "GPU '" + gpu.getName() + "' is shared twice: give it one owner or host");
			Domain host = g.getHost();
			if (host != null && !host.eIsProxy() && Systems.startOf(host) != Start.DOM0
					&& host.getPassthrough().stream().noneMatch(p -> p.getDevice() == gpu))
				out.report(INFO, g, GPU_SHARE__HOST, "domain '" + host.getName() + "' hosts GPU '" + gpu.getName()
						+ "' but is not given it: add 'passthrough " + gpu.getName() + "' to it");
			if (host == null || host.eIsProxy()) continue;
			for (GpuGuest x : g.getGuests())
				if (x.getDomain() == host)
					out.report(INFO, x, GPU_GUEST__DOMAIN, "domain '" + host.getName() + "' hosts GPU '" + gpu.getName()
							+ "' and cannot also be its guest");
			// only the host has the GPU itself; the guests reach it through the host
			for (PassedThrough x : Walk.passthroughs(s))
				if (x.device() == gpu && x.domain() != host)
					out.report(INFO, x.passthrough(), PASSTHROUGH__DEVICE, "GPU '" + gpu.getName() + "' is hosted by domain '" + host.getName()
							+ "', but domain '" + x.domain().getName() + "' is given it with passthrough: only its host owns it");
		}
	}
}
