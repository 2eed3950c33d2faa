package dev.tessera.core.plan;

import java.util.List;

/**
 * One domain, resolved: its id, how it starts, its memory and CPUs, the modules Xen builds it from and
 * the devices it is given. {@code kernel}, {@code ramdisk} and {@code deviceTree} may be null.
 */
public record DomainPlan(String name, int id, String role, String start, String os, long memoryBytes, int vcpus,
		List<Integer> pin, String cmdline, BootModule kernel, BootModule ramdisk, BootModule deviceTree,
		boolean generatedDeviceTree, boolean vuart, boolean enhanced, boolean directMap, List<MemoryRange> staticMemory,
		CpupoolPlan cpupool, List<PassthroughPlan> passthrough, List<SharedMemoryPlan> sharedMemory,
		List<FrontendPlan> frontends) {

	public boolean driverDomain() {
		return "driver".equals(role);
	}

	public List<FrontendPlan> frontendsOf(String kind) {
		return frontends.stream().filter(f -> f.kind().equals(kind)).toList();
	}

	public long memoryKib() {
		return memoryBytes / 1024;
	}

	public long memoryMib() {
		return memoryBytes / (1024 * 1024);
	}

	public String pinList() {
		return dev.tessera.core.xen.Systems.cpuList(pin);
	}

	public boolean hasPassthrough() {
		return !passthrough.isEmpty();
	}

	/** Interrupts of every passed-through device, as xl numbers them. */
	public List<Integer> xlIrqs() {
		return passthrough.stream().flatMap(p -> p.irqs().stream()).map(InterruptPlan::xlNumber).toList();
	}
}
