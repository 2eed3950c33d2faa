package dev.tessera.core.plan;

import java.util.List;

/**
 * The FLASK policy Tessera writes for a system whose Xen runs {@code xsm flask}: a type per domain and what each pair
 * of domains may do to each other, each permission there because the system declares what needs it. The generators
 * spell it with the macros of the target Xen's own policy ({@code tools/flask/policy/modules/xen.if}) and compile it
 * against that Xen's sources.
 *
 * @param enforcing  FLASK denies what the policy does not allow (flask=enforcing); otherwise it only logs it
 * @param policy     the compiled policy as a boot module (the loader loads it; Xen finds it by its compatible)
 * @param types      the type of every domain other than dom0, in domain-id order (dom0 is Xen's own {@code dom0_t})
 * @param allows     every permission between domains, in the order of the domains and links that need it
 * @param bootChannels the system has static event channels, which Xen binds at boot, while the domains are all
 *                   still "unlabeled": the policy lets that type bind to itself
 */
public record FlaskPlan(boolean enforcing, BootModule policy, List<DomainType> types, List<Allow> allows, boolean bootChannels) {
	/** The type dom0 has: Xen gives it its initial SID, and Xen's dom0 module declares it. */
	public static final String DOM0_TYPE = "dom0_t";

	/** The FLASK type of a domain other than dom0: its name with what a type cannot hold made '_', then "_t". */
	public static String typeOf(String domain) {
		return domain.replaceAll("[^A-Za-z0-9_]", "_") + "_t";
	}

	/** The FLASK context of a domain's type, as xl's seclabel and flask-label tools spell it. */
	public static String context(String type) {
		return "system_u:system_r:" + type;
	}

	/**
	 * @param type    a FLASK type name Tessera derives from the domain's name
	 * @param id      the domain's id
	 * @param relabel Xen starts it at boot labelled "unlabeled" (Xen 4.17 to 4.21 read no label for it), and dom0's
	 *                start script relabels it to its type (tessera-sched label) before anything else
	 */
	public record DomainType(String domain, String type, int id, boolean relabel) {
		public String context() {
			return FlaskPlan.context(type);
		}
	}

	/** The type Xen gives every domain it starts at boot but dom0 (its initial SID "unlabeled"). */
	public static final String UNLABELED_TYPE = "unlabeled_t";

	/** The domains dom0 relabels, in domain-id order. */
	public List<DomainType> relabelled() {
		return types.stream().filter(DomainType::relabel).toList();
	}

	/** What one permission lets {@code from} do to {@code to}, and the declaration that asks for it. */
	public enum Kind {
		/** dom0 creates the domain with xl and manages it (xl's create, pause, destroy; xenstore and console) */
		CONTROL("control"),
		/** dom0 manages a domain Xen started at boot (pause, destroy; xenstore and console): it does not create it */
		MANAGE("manage"),
		/** the backend maps the frontend's grants; both bind the event channels of the device */
		SERVE("serve"),
		/** both ends of a static event channel bind and send */
		EVENT_CHANNEL("event-channel"),
		/** the domain uses the devices passed through to it (their MMIO and interrupts) */
		DEVICES("devices");

		private final String key;

		Kind(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	/** @param why the declaration, in the system's words ("disk xvda served to guest", "passthrough of gpio") */
	public record Allow(Kind kind, String from, String to, String why) {
	}

	/** The type of a domain (dom0's for dom0), or null when the domain has none. */
	public String typeOf(String domain, boolean dom0) {
		if (dom0) return DOM0_TYPE;
		return types.stream().filter(t -> t.domain().equals(domain)).map(DomainType::type).findFirst().orElse(null);
	}
}
