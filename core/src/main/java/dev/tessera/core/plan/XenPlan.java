package dev.tessera.core.plan;

import java.util.List;

import dev.tessera.model.Scheduler;

/**
 * Xen itself: the image the loader starts, its command line option by option, the UART it writes its console to
 * (a device-tree path, or null), the scheduler of Pool-0 (null: Xen's default), and the FLASK policy Tessera writes
 * for it (null unless the system says {@code xsm flask}).
 */
public record XenPlan(BootModule image, List<String> options, String consolePath, Scheduler scheduler, FlaskPlan flask) {
	/** The command line as Xen reads it. */
	public String cmdline() {
		return String.join(" ", options);
	}
}
