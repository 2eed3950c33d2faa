package dev.tessera.core.plan;

/**
 * A static event channel: each end's domain (null for dom0, whose nodes sit directly under /chosen), its local
 * port, the path of its xen,evtchn node, and the phandle Tessera gives that node in U-Boot scripts.
 */
public record EventChannelPlan(String name, String aDomain, int aPort, String aPath, long aPhandle, String bDomain, int bPort,
		String bPath, long bPhandle) {
}
