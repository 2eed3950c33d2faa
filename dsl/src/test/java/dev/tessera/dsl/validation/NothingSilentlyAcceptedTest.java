package dev.tessera.dsl.validation;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.dsl.load.ModelLoader;

/**
 * Models Tessera used to accept although what it would generate breaks at the bench (issue 16): each gets an error with
 * its rule id, its position and the names in conflict; files it misread (a byte-order mark) read as written.
 */
class NothingSilentlyAcceptedTest {
	static final ModelLoader LOADER = new ModelLoader();
	static final String XEN = "\txen 4.17 { console uart0 image \"xen\" max 4M }\n";
	static final String DOM0 = "\tdomain dom0 control { memory 256M kernel \"Image\" max 40M }\n";

	@TempDir
	Path tmp;

	List<Diagnostic> load(String name, byte[] content) throws Exception {
		Path p = tmp.resolve(name);
		Files.write(p, content);
		return LOADER.load(p).diagnostics();
	}

	List<Diagnostic> load(String text) throws Exception {
		return load("m.tess", text.getBytes(StandardCharsets.UTF_8));
	}

	static Diagnostic the(String rule, List<Diagnostic> found) {
		assertTrue(found.stream().noneMatch(d -> d.ruleId().equals("internal")), found.toString());
		return found.stream().filter(d -> d.ruleId().equals(rule)).findFirst()
				.orElseThrow(() -> new AssertionError("no [" + rule + "] in " + found));
	}

	static void at(Diagnostic d, int line, int column, String... words) {
		assertEquals(line + ":" + column, d.line() + ":" + d.column(), d.format());
		for (String w : words) assertTrue(d.message().contains(w), () -> "'" + w + "' in " + d.format());
	}

	@Test
	void aByteOrderMarkIsNoCharacterOfTheFile() throws Exception {
		byte[] text = ("system s on qemu-virt {\n" + XEN + DOM0 + "}\n").getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[text.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, bom, 3, text.length);
		assertEquals(List.of(), load("bom.tess", bom));
	}

	@Test
	void aXenVersionBeyondAnIntIsNoVersion() throws Exception {
		at(the("xen.version", load("system s on qemu-virt {\n\txen 4.99999999999 { console uart0 image \"xen\" max 4M }\n" + DOM0 + "}\n")),
				2, 6, "4.99999999999", "not of the form 4.17");
	}

	@Test
	void importsOfNothingAFolderOrAnotherFileAreErrors() throws Exception {
		Files.createDirectories(tmp.resolve("boards"));
		Files.writeString(tmp.resolve("notes.txt"), "board b {}\n");
		String system = "system s on qemu-virt {\n" + XEN + DOM0 + "}\n";
		at(the("import.missing", load("import \"\"\n" + system)), 1, 8, "names nothing");
		at(the("import.missing", load("import \"boards\"\n" + system)), 1, 8, "'boards' is a folder");
		at(the("import.missing", load("import \"notes.txt\"\n" + system)), 1, 8, "'notes.txt' is not a Tessera file");
	}

	@Test
	void theGicAndAnIommuAreXensOwn() throws Exception {
		String board = "board b {\n\tdevice-tree \"b.dts\"\n\tcluster c { cpu cpu0 path \"/cpus/cpu@0\" }\n\tram mem 0x40000000 size 1G\n"
				+ "\tgic v3 { path \"/intc@8000000\" reg 0x8000000 size 0x10000 }\n"
				+ "\tdevice uart0 uart { path \"/serial@9000000\" reg 0x9000000 size 4K irq spi 1 }\n"
				+ "\tdevice intc { path \"/intc@8000000\" reg 0x8000000 size 0x10000 }\n"
				+ "\tdevice smmuregs { path \"/smmu-alias@9100000\" reg 0x9100000 size 4K }\n"
				+ "\tiommu smmu smmu-v3 { path \"/iommu@9100000\" reg 0x9100000 size 0x20000 }\n}\n";
		List<Diagnostic> found = load(board + "system s on b {\n\txen 4.17 { console uart0 image \"xen\" max 2M }\n"
				+ DOM0 + "\tdomain a { memory 64M kernel \"K\" passthrough intc, smmuregs }\n}\n");
		List<Diagnostic> owned = found.stream().filter(d -> d.ruleId().equals("device.xen-owned")).toList();
		assertEquals(2, owned.size(), found.toString());
		at(owned.get(0), 14, 47, "'intc' is the GIC (/intc@8000000)", "domain 'a'");
		at(owned.get(1), 14, 53, "'smmuregs' is IOMMU 'smmu' (/iommu@9100000)");
	}

	@Test
	void anSpiBeyondTheGicCannotBeRouted() throws Exception {
		String board = "board b {\n\tdevice-tree \"b.dts\"\n\tcluster c { cpu cpu0 path \"/cpus/cpu@0\" }\n\tram mem 0x40000000 size 1G\n"
				+ "\tdevice uart0 uart { path \"/serial@9000000\" reg 0x9000000 size 4K irq spi 1 }\n"
				+ "\tdevice far { path \"/far@9010000\" reg 0x9010000 size 4K irq spi 1000 }\n}\n";
		at(the("device.irq-routable", load(board + "system s on b {\n\txen 4.17 { console uart0 image \"xen\" max 2M }\n"
				+ DOM0 + "\tdomain a { memory 64M kernel \"K\" passthrough far }\n}\n")), 11, 47, "SPI 1000", "0-987", "domain 'a'");
	}

	@Test
	void aGicV2GivesEightVcpus() throws Exception {
		String board = "board b {\n\tdevice-tree \"b.dts\"\n\tcluster c { cpu cpu0 path \"/cpus/cpu@0\" }\n\tram mem 0x40000000 size 1G\n"
				+ "\tgic v2 { path \"/intc@8000000\" reg 0x8000000 size 0x10000 }\n"
				+ "\tdevice uart0 uart { path \"/serial@9000000\" reg 0x9000000 size 4K irq spi 1 }\n}\n";
		at(the("domain.vcpus-max", load(board + "system s on b {\n\txen 4.17 { console uart0 image \"xen\" max 2M }\n"
				+ DOM0 + "\tdomain a { memory 64M vcpus 9 kernel \"K\" }\n}\n")), 11, 30, "9 vCPUs", "(8: a GICv2");
	}

	@Test
	void aSystemOnABoardWithoutCpusOrRamIsAnError() throws Exception {
		List<Diagnostic> found = load("board b {\n\tdevice-tree \"b.dts\"\n}\nsystem s on b {\n" + XEN + DOM0 + "}\n");
		List<Diagnostic> board = found.stream().filter(d -> d.ruleId().equals("board.cpus-ram")).toList();
		assertEquals(2, board.size(), found.toString());
		at(board.get(0), 4, 13, "board 'b', which has no CPU");
		at(board.get(1), 4, 13, "which has no RAM");
		assertEquals(List.of(), load("board b {\n\tdevice-tree \"b.dts\"\n\tcluster c { cpu cpu0 path \"/cpus/cpu@0\" }\n}\n"),
				"a board alone may leave its RAM to be added (rpi4)");
	}

	@Test
	void domainNamesThatAreGeneratedNodesOrFilesAreErrors() throws Exception {
		String head = "system s on qemu-virt {\n" + XEN + DOM0 + "\tcpupool rt { cpus 1 }\n";
		at(the("domain.name-generated", load(head + "\tdomain cpupool-rt { memory 64M kernel \"K\" max 1M }\n}\n")), 5, 9,
				"/chosen node of cpupool 'rt'");
		at(the("domain.name-generated", load(head + "\tdomain Host { memory 64M kernel \"K\" max 1M }\n}\n")), 5, 9,
				"uefi/Host.dtb", "uefi/host.dtb");
		at(the("domain.name-generated", load(head + "\tdomain a { memory 64M kernel \"K\" max 1M }\n"
				+ "\tdomain A { memory 64M kernel \"K\" max 1M }\n}\n")), 6, 9, "'A' differs from domain 'a' only in case",
				"uefi/a.dtb and uefi/A.dtb", "FAT");
		at(the("domain.name-generated", load(head + "\tdomain a xl { memory 64M kernel \"K\" }\n"
				+ "\tdomain A xl { memory 64M kernel \"K\" }\n}\n")), 6, 9, "'A' differs from domain 'a' only in case",
				"xl/a.cfg and xl/A.cfg");
		// a domain Xen starts and an xl domain have no file in one folder: names differing in case are fine
		assertTrue(load(head + "\tdomain a { memory 64M kernel \"K\" max 1M }\n\tdomain A xl { memory 64M kernel \"K\" }\n}\n")
				.stream().noneMatch(d -> d.ruleId().equals("domain.name-generated")));
	}

	@Test
	void staticRegionsOfOneDomainDoNotOverlap() throws Exception {
		String domain = "\tdomain a at-boot { memory 64M static at 0x60000000 size 32M, 0x61000000 size 32M kernel \"K\" max 1M }\n";
		at(the("memory.static-overlap", load("system s on qemu-virt {\n" + XEN + DOM0 + domain + "}\n")), 4, 63,
				"static memory 0x61000000", "overlaps 0x60000000", "of domain 'a'");
		assertTrue(load("system s on qemu-virt {\n" + XEN + DOM0 + domain.replace("0x61000000", "0x62000000") + "}\n").stream()
				.noneMatch(d -> d.ruleId().equals("memory.static-overlap")));
	}

	@Test
	void aLoadAddressOutsideRamIsAnError() throws Exception {
		at(the("boot.load-address", load("system s on qemu-virt {\n" + XEN + "\tboot { load-address 0x10000000 }\n" + DOM0 + "}\n")),
				3, 22, "0x10000000 is not in RAM", "qemu-virt");
	}

	@Test
	void sharedMemoryOutsideRamOrOnStaticMemoryIsAnError() throws Exception {
		String head = "system s on qemu-virt {\n" + XEN + DOM0
				+ "\tdomain a at-boot { memory 64M static at 0x60000000 kernel \"K\" max 1M }\n"
				+ "\tdomain b at-boot { memory 64M kernel \"K\" max 1M }\n";
		at(the("shm.valid", load(head + "\tshared-memory m { size 16M at 0x20000000 owner a at 0x50000000 borrower b at 0x50000000 }\n}\n")),
				6, 32, "shared memory 'm'", "is not inside a RAM bank");
		at(the("shm.valid", load(head + "\tshared-memory m { size 16M at 0x60000000 owner a at 0x50000000 borrower b at 0x50000000 }\n}\n")),
				6, 32, "overlaps static memory", "of domain 'a'");
	}

	@Test
	void aNumberBeyondAnIntSaysSoInTesserasWords() throws Exception {
		List<Diagnostic> found = load("system s on qemu-virt {\n" + XEN
				+ "\tdomain dom0 control { memory 256M kernel \"Image\" max 40M vcpus 99999999999 }\n}\n");
		at(the("syntax", found), 3, 65, "'99999999999' is too large", "at most 2147483647");
		assertTrue(found.stream().noneMatch(d -> d.message().contains("For input string")), found.toString());
	}

	/** Found by the fuzz target (seed 2): counts and CPU numbers at the top of int's range. */
	@Test
	void cpuNumbersAndVcpuCountsAtTheTopOfIntsRangeAreReportedNotThrown() throws Exception {
		List<Diagnostic> found = load("system s on qemu-virt {\n" + XEN
				+ "\tdomain dom0 control { memory 256M vcpus 2147483647 pin 0 kernel \"Image\" max 40M }\n"
				+ "\tcpupool p { cpus 2147483647 }\n"
				+ "\tdomain a at-boot { memory 64M vcpus 2147483647 pin 2147483647 pool p kernel \"K\" max 1M }\n}\n");
		assertTrue(found.stream().noneMatch(d -> d.line() < 1 || d.message().contains("EValidator")), found.toString());
		at(the("domain.vcpus-max", found), 3, 42, "domain 'dom0' has 2147483647 vCPUs");
		the("cpu.exists", found);
	}
}
