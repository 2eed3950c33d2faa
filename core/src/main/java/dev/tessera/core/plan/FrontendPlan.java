package dev.tessera.core.plan;

import java.util.List;

/**
 * A para-virtual or virtio device of a domain and the domain that serves it, in the terms xl.cfg uses.
 *
 * @param kind     disk, vif, vdispl, vsnd, vkb, p9 or virtio
 * @param backend  the serving domain's name (Domain-0 for dom0)
 * @param settings KEY=VALUE pairs in xl's order (for vsnd, the card's)
 * @param items    for vsnd: the PCM and stream items; for vdispl: the connectors (id:WxH)
 */
public record FrontendPlan(String kind, String backend, List<Setting> settings, List<String> items) {
	/** One KEY=VALUE of an xl device spec. */
	public record Setting(String key, String value) {
	}
}
