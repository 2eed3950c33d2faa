package dev.tessera.boot.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.boot.harness.NetLinks.NetLink;
import dev.tessera.boot.harness.NetLinks.Vif;

/** The addresses a marker boot gives the two ends of each vif an xl driver domain serves (no boot needed). */
class MarkerNetLinksTest {
	@Test
	void eachBridgeOfEachDriverDomainGetsItsOwnSubnetAndEachGuestInterfaceTheNextAddress() {
		List<NetLink> links = NetLinks.of(List.of(
				new Vif("a", 0, "domd", "xenbr0", "00:16:3E:00:00:01"),
				new Vif("a", 1, "domd", "lan", null),
				new Vif("b", 0, "domd", null, null), // libxl's default bridge: the same as a's first
				new Vif("c", 0, "domn", "xenbr0", null))); // another driver domain's bridge of the same name
		assertEquals(List.of(
				new NetLink("a", "eth0", "domd", "xenbr0", "00:16:3E:00:00:01", "192.168.77.1", "192.168.77.2"),
				new NetLink("a", "eth1", "domd", "lan", null, "192.168.78.1", "192.168.78.2"),
				new NetLink("b", "eth0", "domd", "xenbr0", null, "192.168.77.1", "192.168.77.3"),
				new NetLink("c", "eth0", "domn", "xenbr0", null, "192.168.79.1", "192.168.79.2")), links);
		assertEquals("00:16:3e:00:00:01", links.get(0).macOrAny());
		assertEquals("any", links.get(1).macOrAny());
	}
}
