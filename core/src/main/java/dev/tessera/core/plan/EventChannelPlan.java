package dev.tessera.core.plan;

/** A static event channel between two domains: each end's domain (null for dom0) and its local port. */
public record EventChannelPlan(String name, String aDomain, int aPort, String bDomain, int bPort) {
}
