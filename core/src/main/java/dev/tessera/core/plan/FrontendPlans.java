package dev.tessera.core.plan;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.backends.Backends;
import dev.tessera.core.plan.FrontendPlan.Setting;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.*;
import dev.tessera.model.System;

/** Turns a domain's frontends into xl's device specs (man xl.cfg: disk, vif, vdispl, vsnd, vkb, p9, virtio). */
final class FrontendPlans {
	/** Contacts a virtual multi-touch device reports; what Android and Weston expect of a car's touch screen. */
	static final int TOUCH_CONTACTS = 10;

	private FrontendPlans() {
	}

	static List<FrontendPlan> of(System s, Domain d) {
		List<FrontendPlan> out = new ArrayList<>();
		for (Frontend f : d.getFrontends()) {
			Domain b = Backends.backendOf(s, f);
			String backend = b == null || Systems.startOf(b) == Start.DOM0 ? "Domain-0" : b.getName();
			List<Setting> set = new ArrayList<>();
			List<String> items = new ArrayList<>();
			if (!"Domain-0".equals(backend)) set.add(new Setting("backend", backend));
			String kind;
			if (f instanceof DiskFrontend x) {
				kind = "disk";
				set.add(new Setting("vdev", x.getVdev()));
				set.add(new Setting("format", x.getFormat() != null ? x.getFormat() : "raw"));
				set.add(new Setting("access", x.isReadonly() ? "ro" : "rw"));
				if (x.getTarget() != null) set.add(new Setting("target", x.getTarget())); // xl wants target last
			} else if (f instanceof NetFrontend x) {
				kind = "vif";
				if (x.getMac() != null) set.add(new Setting("mac", x.getMac()));
				if (x.getBridge() != null) set.add(new Setting("bridge", x.getBridge()));
			} else if (f instanceof DisplayFrontend x) {
				kind = "vdispl";
				if (x.isBackendAllocates()) set.add(new Setting("be-alloc", "1"));
				List<String> connectors = new ArrayList<>();
				for (DisplayConnector c : x.getConnectors()) connectors.add(c.getName() + ":" + c.getResolution());
				items.addAll(connectors);
				set.add(new Setting("connectors", String.join(";", connectors)));
			} else if (f instanceof SoundFrontend x) {
				kind = "vsnd";
				set.add(new Setting("short-name", x.getCard() != null ? x.getCard() : d.getName()));
				for (PcmStream p : x.getStreams()) {
					items.add("PCM, name=" + p.getName());
					items.add("STREAM, unique-id=" + p.getName() + ", type=" + (p.isCapture() ? "c" : "p"));
				}
			} else if (f instanceof InputFrontend x) {
				kind = "vkb";
				// xl requires it: the backend is a Linux user-space one (Xen's kbdif protocol), not QEMU
				set.add(new Setting("backend-type", "linux"));
				if (!x.isKeyboard()) set.add(new Setting("feature-disable-keyboard", "1"));
				if (!x.isPointer()) set.add(new Setting("feature-disable-pointer", "1"));
				DisplayConnector t = x.getTouch();
				if (t != null && !t.eIsProxy() && t.getResolution() != null) {
					String[] wh = t.getResolution().split("x");
					set.add(new Setting("unique-id", t.getName()));
					set.add(new Setting("feature-multi-touch", "1"));
					set.add(new Setting("multi-touch-width", wh[0]));
					set.add(new Setting("multi-touch-height", wh[1]));
					set.add(new Setting("multi-touch-num-contacts", Integer.toString(TOUCH_CONTACTS)));
				}
			} else if (f instanceof NinePFrontend x) {
				kind = "p9";
				set.add(0, new Setting("tag", x.getTag()));
				set.add(new Setting("path", x.getPath()));
				set.add(new Setting("security_model", "none"));
			} else if (f instanceof VirtioFrontend x) {
				kind = "virtio";
				set.add(new Setting("type", x.getType()));
				set.add(new Setting("transport", "mmio"));
				if (x.isGrantsSet()) set.add(new Setting("grant_usage", x.isGrants() ? "1" : "0"));
			} else continue;
			out.add(new FrontendPlan(kind, backend, set, items));
		}
		return out;
	}
}
