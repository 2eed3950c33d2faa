package dev.tessera.core.plan;

/**
 * An interrupt as the device tree cells give it (type 0 = SPI, 1 = PPI; the number within its type; the
 * trigger flags) and as xl numbers it (SPI + 32).
 */
public record InterruptPlan(int type, int number, int flags) {
	public int xlNumber() {
		return type == 0 ? number + 32 : number + 16;
	}
}
