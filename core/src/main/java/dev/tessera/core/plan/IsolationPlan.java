package dev.tessera.core.plan;

import java.util.List;

/**
 * What separates the domains of a system and what connects them: the page a safety assessor asks for. Built from
 * the plan, not from the outputs; {@code isolation.md} only spells it.
 *
 * @param xsm        the security module Xen's command line chooses, and what it lets domains do to each other
 * @param privileges what a domain can do to every other domain: control them, or reach all memory by DMA
 * @param links      every pair of domains something declared connects, in domain-id order of the pair
 * @param cpus       each physical CPU and the domains that may run on it (they share its time and caches)
 */
public record IsolationPlan(Xsm xsm, List<Privilege> privileges, List<Link> links, List<CpuShare> cpus) {

	/** Xen's security module (xsm= on its command line) and what it allows between domains. */
	public enum Xsm {
		DUMMY("dummy", "xsm=dummy",
				"any two domains may share memory through grants and bind event channels to each other; dom0 may map any domain's memory"),
		SILO("silo", "xsm=silo",
				"domains other than dom0 may share grants and event channels only with dom0, never with each other (a driver domain serves no one)"),
		DEFAULT("default", "no xsm= option",
				"SILO when Xen is built with XSM (Debian's build): grants and event channels only with dom0; the dummy module otherwise: anything between any two domains"),
		FLASK("flask", "xsm=flask",
				"what the FLASK policy loaded at boot allows; the command line chooses FLASK, not the system (xsm flask), so the policy is not Tessera's and this report cannot say more"),
		FLASK_POLICY("flask-policy", "xsm=flask flask=enforcing",
				"only what the system's own FLASK policy (flask/tessera.te, compiled into xenpolicy) allows: dom0's control of each domain and the links below that FLASK checks; any other grant or event channel between two domains is denied"),
		FLASK_PERMISSIVE("flask-permissive", "xsm=flask flask=permissive",
				"anything, as with the dummy module: the system's own FLASK policy is loaded, but permissive FLASK only logs what the policy would deny");

		private final String key;
		private final String option;
		private final String allows;

		Xsm(String key, String option, String allows) {
			this.key = key;
			this.option = option;
			this.allows = allows;
		}

		public String key() {
			return key;
		}

		/** How Xen's command line says it. */
		public String option() {
			return option;
		}

		/** What it lets the domains do to each other, in a sentence. */
		public String allows() {
			return allows;
		}
	}

	/** What makes a domain able to reach every other. */
	public enum PrivilegeKind {
		/** the control domain: creates, destroys and maps the memory of the others */
		CONTROL("control"),
		/** a device that masters the bus with no IOMMU Xen drives: it reads and writes all memory */
		DMA_WITHOUT_IOMMU("dma-without-iommu"),
		/** a device the board does not say whether it masters the bus, with no IOMMU */
		DMA_UNKNOWN("dma-unknown");

		private final String key;

		PrivilegeKind(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	/** @param device the device that gives it, or null for the control domain */
	public record Privilege(String domain, PrivilegeKind kind, String device) {
	}

	/** What connects two domains. */
	public enum LinkKind {
		BACKEND("backend"), GPU("gpu"), SHARED_MEMORY("shared-memory"), EVENT_CHANNEL("event-channel"), SHARED_INTERRUPT("shared-interrupt");

		private final String key;

		LinkKind(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	/**
	 * One thing that connects domain {@code from} with domain {@code to}.
	 *
	 * @param what what it is, in the system's names ("disk xvda", "region rt-shm", "channel c1: port 10 to port 11")
	 */
	public record Connection(LinkKind kind, String from, String to, String what) {
	}

	/** A pair of domains ({@code a} before {@code b} in domain-id order) and everything that connects them. */
	public record Link(String a, String b, List<Connection> connections) {
	}

	/** @param domains the domains that may run on the CPU, in domain-id order */
	public record CpuShare(int cpu, List<String> domains) {
		public boolean shared() {
			return domains.size() > 1;
		}
	}
}
