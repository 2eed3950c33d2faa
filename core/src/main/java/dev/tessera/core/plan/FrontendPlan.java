package dev.tessera.core.plan;

import java.util.List;

/**
 * A para-virtual or virtio device of a domain and the domain that serves it. The plan says what each device is;
 * xl's device specs (man xl.cfg: disk, vif, vdispl, vsnd, vkb, p9, virtio) are spelled by one template macro
 * (generators' xl-devices.ftl) for xl.cfg and dom0's attach lines alike.
 */
public sealed interface FrontendPlan {
	/** The kinds, by xl's names for them (which layout.yaml uses too). */
	enum Kind {
		DISK("disk"), VIF("vif"), VDISPL("vdispl"), VSND("vsnd"), VKB("vkb"), P9("p9"), VIRTIO("virtio");

		private final String xl;

		Kind(String xl) {
			this.xl = xl;
		}

		public String xl() {
			return xl;
		}
	}

	/** xl's name of the serving domain where the device is defined (Domain-0 for dom0). */
	String DOM0 = "Domain-0";

	Kind kind();

	/** The serving domain as xl names it: {@link #DOM0} for dom0. */
	String backend();

	default boolean servedByDom0() {
		return DOM0.equals(backend());
	}

	/** @param format raw unless the system says otherwise */
	record Disk(String backend, String vdev, String format, boolean readonly, String target) implements FrontendPlan {
		public Kind kind() {
			return Kind.DISK;
		}
	}

	record Vif(String backend, String mac, String bridge) implements FrontendPlan {
		public Kind kind() {
			return Kind.VIF;
		}
	}

	/** @param backendAllocates the backend allocates the display buffers (be-alloc) */
	record Display(String backend, boolean backendAllocates, List<Connector> connectors) implements FrontendPlan {
		public Kind kind() {
			return Kind.VDISPL;
		}
	}

	/** @param resolution WIDTHxHEIGHT */
	record Connector(String name, String resolution) {
	}

	/** @param card the card's short name (the domain's name unless the system names one) */
	record Sound(String backend, String card, List<Stream> streams) implements FrontendPlan {
		public Kind kind() {
			return Kind.VSND;
		}
	}

	/** A PCM stream: playback, or capture. */
	record Stream(String name, boolean capture) {
	}

	/** @param touch the display connector the input's multi-touch covers, or null */
	record Input(String backend, boolean keyboard, boolean pointer, Touch touch) implements FrontendPlan {
		public Kind kind() {
			return Kind.VKB;
		}
	}

	/** Multi-touch over a display connector: its id, size in pixels, and how many contacts it reports. */
	record Touch(String id, String width, String height, int contacts) {
	}

	record NineP(String backend, String tag, String path) implements FrontendPlan {
		public Kind kind() {
			return Kind.P9;
		}
	}

	/** @param grants whether the backend uses grants (null: xl's default) */
	record Virtio(String backend, String type, Boolean grants) implements FrontendPlan {
		public Kind kind() {
			return Kind.VIRTIO;
		}
	}
}
