package dev.tessera.boot.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The addresses a marker boot gives both ends of every vif a driver domain serves. */
final class NetLinks {
	/** libxl's default bridge when a vif names none. */
	static final String DEFAULT_BRIDGE = "xenbr0";

	private NetLinks() {
	}

	/** A guest's vif that a driver domain serves: the guest's index-th vif (so its eth&lt;index&gt;). */
	record Vif(String guest, int index, String backend, String bridge, String mac) {
	}

	/**
	 * A served vif with the addresses the harness gives both ends: the driver domain's bridge gets
	 * 192.168.(77+k).1/24 (k counts the driver domains' bridges), each guest interface on it the next address.
	 */
	record NetLink(String guest, String iface, String backend, String bridge, String mac, String backendAddress, String guestAddress) {
		/** What the driver domain's check looks for in its bridge's forwarding table. */
		String macOrAny() {
			return mac != null ? mac.toLowerCase(Locale.ROOT) : "any";
		}
	}

	static List<NetLink> of(List<Vif> vifs) {
		Map<String, Integer> subnet = new LinkedHashMap<>(), used = new HashMap<>();
		List<NetLink> out = new ArrayList<>();
		for (Vif v : vifs) {
			String bridge = v.bridge() != null ? v.bridge() : DEFAULT_BRIDGE;
			String key = v.backend() + "/" + bridge;
			int k = subnet.computeIfAbsent(key, x -> subnet.size());
			int host = used.merge(key, 1, Integer::sum) + 1;
			String net = "192.168." + (77 + k) + ".";
			out.add(new NetLink(v.guest(), "eth" + v.index(), v.backend(), bridge, v.mac(), net + "1", net + host));
		}
		return out;
	}
}
