package dev.tessera.editors;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.tessera.dsl.ide.server.LspText;

/**
 * The real server jar ({@code java -jar cli/target/tessera.jar lsp}) over stdio, driven by an LSP4J client as an
 * editor drives it: initialize, a broken system's diagnostics, completion, hover, definition, quick fixes that
 * fix, formatting, outline, the generate command, shutdown and exit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguageServerJarTest {
	static final Duration WAIT = Duration.ofSeconds(60);
	Path root;
	ServerProcess ls;
	InitializeResult init;
	String brokenUri, cockpitUri, unformattedUri;
	String broken, cockpit, unformatted;
	int version = 1;

	@BeforeAll
	void start() throws Exception {
		root = Files.createTempDirectory("tessera-lsp-ws");
		broken = copy("files/broken.tess", "broken.tess");
		unformatted = copy("files/unformatted.tess", "unformatted.tess");
		copy("files/local-board.tess", "local-board.tess");
		copy("files/on-local.tess", "on-local.tess");
		cockpit = Files.readString(ServerProcess.repo().resolve("examples/ivi/cockpit.tess"));
		Files.writeString(root.resolve("cockpit.tess"), cockpit);
		brokenUri = uri("broken.tess");
		cockpitUri = uri("cockpit.tess");
		unformattedUri = uri("unformatted.tess");
		ls = ServerProcess.start();
		init = ls.initialize(root);
	}

	@AfterAll
	void stop() {
		if (ls != null) ls.close();
	}

	String copy(String resource, String name) throws Exception {
		try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Files.writeString(root.resolve(name), text);
			return text;
		}
	}

	String uri(String name) {
		return root.resolve(name).toUri().toString();
	}

	TextDocumentIdentifier doc(String uri) {
		return new TextDocumentIdentifier(uri);
	}

	List<Diagnostic> openAndWait(String uri, String text) throws Exception {
		int seen = ls.client.count(uri);
		ls.open(uri, text, version);
		return ls.client.await(uri, seen, WAIT).getDiagnostics();
	}

	List<Diagnostic> changeAndWait(String uri, String oldText, String newText) throws Exception {
		int seen = ls.client.count(uri);
		ls.change(uri, oldText, newText, ++version);
		return ls.client.await(uri, seen, WAIT).getDiagnostics();
	}

	static String code(Diagnostic d) {
		return d.getCode() == null ? null : d.getCode().getLeft();
	}

	static String show(List<Diagnostic> ds) {
		return ds.stream().map(d -> code(d) + "@" + (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1)
				+ " " + d.getMessage()).collect(Collectors.joining("\n"));
	}

	@Test
	@Order(0)
	void initializeAnnouncesTheFeatures() {
		var caps = init.getCapabilities();
		assertTrue(caps.getHoverProvider().getLeft());
		assertNotNull(caps.getCompletionProvider());
		assertTrue(caps.getDefinitionProvider().getLeft());
		assertTrue(caps.getDocumentSymbolProvider().getLeft());
		assertTrue(caps.getDocumentFormattingProvider().getLeft());
		assertTrue(caps.getCodeActionProvider().getLeft());
		assertEquals(List.of("tessera.generate"), caps.getExecuteCommandProvider().getCommands());
	}

	@Test
	@Order(1)
	void aBrokenSystemGetsItsRuleIdsAndRanges() throws Exception {
		List<Diagnostic> ds = openAndWait(brokenUri, broken);
		List<String> got = ds.stream().map(d -> code(d) + "@" + (d.getRange().getStart().getLine() + 1) + ":"
				+ (d.getRange().getStart().getCharacter() + 1) + "-" + (d.getRange().getEnd().getLine() + 1) + ":"
				+ (d.getRange().getEnd().getCharacter() + 1)).sorted().toList();
		// the range covers what is wrong: the address, the CPU number, the device name
		assertEquals(List.of(
				"cpu.exists@20:7-20:8",
				"device.dma-iommu@37:15-37:20",
				"device.passthrough-once@29:22-29:27",
				"memory.static-aligned@17:24-17:34"), got, show(ds));
		for (Diagnostic d : ds) {
			assertEquals("tessera", d.getSource());
			assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Error, d.getSeverity());
		}
		Diagnostic dma = ds.stream().filter(d -> code(d).equals("device.dma-iommu")).findFirst().orElseThrow();
		assertTrue(dma.getMessage().contains("DMA device 'pcie0' has no IOMMU on board 'qemu-virt'"), dma.getMessage());
	}

	List<CompletionItem> complete(String uri, Position at) throws Exception {
		var result = ls.server.getTextDocumentService().completion(new CompletionParams(doc(uri), at)).get(30, TimeUnit.SECONDS);
		return result.isLeft() ? result.getLeft() : result.getRight().getItems();
	}

	static List<String> labels(List<CompletionItem> items) {
		return items.stream().map(CompletionItem::getLabel).toList();
	}

	@Test
	@Order(2)
	void completionOfDevicesBoardsOsKindsCpusDomainsAndKeywords() throws Exception {
		// devices of the board that fit, after "passthrough " in ivi: not uart0 (Xen's console), pcie0 (media's),
		// gpio0 (ivi has it twice)
		List<CompletionItem> devices = complete(brokenUri, LspText.positionOf(broken, "passthrough gpio0", 0, 12));
		assertTrue(labels(devices).containsAll(List.of("virtio0", "rtc0")), labels(devices).toString());
		for (String taken : List.of("uart0", "pcie0", "gpio0")) assertFalse(labels(devices).contains(taken), labels(devices).toString());
		CompletionItem virtio = devices.stream().filter(i -> i.getLabel().equals("virtio0")).findFirst().orElseThrow();
		assertTrue(virtio.getDetail().contains("/virtio_mmio@a000000"), virtio.getDetail());
		// boards after "on "
		List<String> boards = labels(complete(brokenUri, LspText.positionOf(broken, "qemu-virt", 0, 0)));
		assertTrue(boards.containsAll(List.of("qemu-virt", "rcar-h3-salvator-xs", "zcu102", "rpi4")), boards.toString());
		// OS kinds after "os "
		List<String> os = labels(complete(brokenUri, LspText.positionOf(broken, "os android", 0, 3)));
		assertTrue(os.containsAll(List.of("linux", "android", "zephyr", "freertos", "other")), os.toString());
		// CPU numbers after "pin ", with the CPU each names
		List<CompletionItem> cpus = complete(brokenUri, LspText.positionOf(broken, "pin 7", 0, 4));
		assertTrue(labels(cpus).containsAll(List.of("0", "1")), labels(cpus).toString());
		assertTrue(cpus.stream().anyMatch(i -> i.getLabel().equals("1") && i.getDetail().startsWith("cpu1")), cpus.toString());
		// keywords at the start of a domain's line
		List<String> keywords = labels(complete(brokenUri, LspText.positionOf(broken, "vcpus 1", 0, 0)));
		assertTrue(keywords.containsAll(List.of("vcpus", "memory", "kernel", "passthrough", "direct-map", "pin")), keywords.toString());
		assertFalse(keywords.contains("gpu"), "names that are keywords elsewhere are not proposed as keywords: " + keywords);
		// domains that fit, where a domain is named (a shared-memory borrower)
		String withShm = broken.replace("\n}\n", "\n\tshared-memory s { size 2M owner ivi borrower  }\n}\n");
		changeAndWait(brokenUri, broken, withShm);
		List<String> domains = labels(complete(brokenUri, LspText.positionOf(withShm, "borrower  }", 0, 9)));
		// those that can map it: started at boot (not dom0) and not its owner ivi
		assertTrue(domains.containsAll(List.of("pinned", "media")) && !domains.contains("dom0") && !domains.contains("ivi"), domains.toString());
		changeAndWait(brokenUri, withShm, broken);
		// Xen's console: the board's UARTs (not its GPIO); an import: the shipped boards by name
		List<String> console = labels(complete(brokenUri, LspText.positionOf(broken, "console uart0", 0, 8)));
		assertTrue(console.contains("uart0") && !console.contains("gpio0"), console.toString());
		String onLocal = Files.readString(root.resolve("on-local.tess"));
		openAndWait(uri("on-local.tess"), onLocal);
		List<String> imports = labels(complete(uri("on-local.tess"), LspText.positionOf(onLocal, "\"local-board.tess\"", 0, 0)));
		assertTrue(imports.containsAll(List.of("\"qemu-virt\"", "\"rpi4\"")), imports.toString());
	}

	String hover(String uri, Position at) throws Exception {
		var h = ls.server.getTextDocumentService().hover(new HoverParams(doc(uri), at)).get(30, TimeUnit.SECONDS);
		return h == null || h.getContents() == null || !h.getContents().isRight() ? "" : h.getContents().getRight().getValue();
	}

	@Test
	@Order(3)
	void hoverShowsResolvedFactsAndTheRuleOfAProblem() throws Exception {
		// a device: registers, interrupts, who owns it
		String gpio = hover(brokenUri, LspText.positionOf(broken, "passthrough gpio0", 0, 14));
		assertTrue(gpio.contains("**device `gpio0`** (gpio) on board `qemu-virt`"), gpio);
		assertTrue(gpio.contains("registers: `0x9030000-0x9030fff` (4K)"), gpio);
		assertTrue(gpio.contains("interrupts: SPI 7 level-high (GIC 39)"), gpio);
		assertTrue(gpio.contains("owner: domain `ivi` and domain `ivi`"), gpio);
		assertTrue(gpio.contains("clocks: `apb_pclk` fixed clock `apb-pclk` (24 MHz)"), gpio);
		// a domain of a valid system: its placed memory and module addresses, from the resolver
		openAndWait(cockpitUri, cockpit);
		String cluster = hover(cockpitUri, LspText.positionOf(cockpit, "domain cluster", 0, 8));
		assertTrue(cluster.contains("memory: 64M static at `0x70000000-0x73ffffff` (64M), direct-mapped"), cluster);
		assertTrue(cluster.matches("(?s).*\\| kernel \\| `zephyr.bin` \\| `0x[0-9a-f]+-0x[0-9a-f]+` \\| 2M \\(declared maximum\\) \\|.*"), cluster);
		String ivi = hover(cockpitUri, LspText.positionOf(cockpit, "domain ivi", 0, 8));
		assertTrue(ivi.contains("passthrough `gpio0` `0x9030000-0x9030fff`, xl irqs 39"), ivi);
		assertTrue(ivi.matches("(?s).*\\| ramdisk \\| `initrd.cpio.gz` \\| `0x[0-9a-f]+-0x[0-9a-f]+` \\|.*"), ivi);
		// a problem: the rule, its title and rationale
		String aligned = hover(brokenUri, LspText.positionOf(broken, "0x70000800", 0, 3));
		assertTrue(aligned.contains("**error [memory.static-aligned]** Static memory is page-aligned"), aligned);
		assertTrue(aligned.contains("Xen maps memory in 4 KiB pages"), aligned);
	}

	@Test
	@Order(4)
	void definitionGoesIntoTheBoard() throws Exception {
		var result = ls.server.getTextDocumentService().definition(new DefinitionParams(doc(brokenUri),
				LspText.positionOf(broken, "passthrough pcie0", 0, 13))).get(30, TimeUnit.SECONDS);
		List<? extends Location> locations = result.getLeft();
		assertEquals(1, locations.size(), locations.toString());
		Location l = locations.get(0);
		assertTrue(l.getUri().startsWith("file:") && l.getUri().endsWith("/qemu-virt.tess"), l.getUri());
		String board = Files.readString(Path.of(java.net.URI.create(l.getUri())));
		String line = board.lines().toList().get(l.getRange().getStart().getLine());
		assertTrue(line.contains("device pcie0 {"), line);
		assertEquals("pcie0", line.substring(l.getRange().getStart().getCharacter(), l.getRange().getEnd().getCharacter()));
		// and from "on" to the board itself
		var board2 = ls.server.getTextDocumentService().definition(new DefinitionParams(doc(brokenUri),
				LspText.positionOf(broken, "qemu-virt", 0, 2))).get(30, TimeUnit.SECONDS).getLeft();
		assertEquals(l.getUri(), board2.get(0).getUri());
	}

	static long errors(List<Diagnostic> ds) {
		return ds.stream().filter(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error).count();
	}

	List<CodeAction> actions(String uri, Diagnostic d) throws Exception {
		var result = ls.server.getTextDocumentService().codeAction(new CodeActionParams(doc(uri), d.getRange(),
				new CodeActionContext(List.of(d)))).get(30, TimeUnit.SECONDS);
		List<CodeAction> out = new ArrayList<>();
		for (var e : result) if (e.isRight()) out.add(e.getRight());
		return out;
	}

	@Test
	@Order(5)
	void quickFixesFixTheirProblems() throws Exception {
		String text = broken;
		List<Diagnostic> ds = openAndWait(brokenUri, text); // re-sent, as an editor does after a change on disk
		Map<String, String> expectedTitles = Map.of(
				"memory.static-aligned", "Align the static region to 4 KiB (0x70001000)",
				"cpu.exists", "Use free CPU 1 instead",
				"device.passthrough-once", "Remove 'gpio0' from domain 'ivi'",
				"device.dma-iommu", "Make domain 'media' direct-mapped (static memory + direct-map)");
		for (String rule : List.of("memory.static-aligned", "cpu.exists", "device.passthrough-once", "device.dma-iommu")) {
			Diagnostic d = ds.stream().filter(x -> rule.equals(code(x))).findFirst().orElseThrow(() -> new AssertionError(rule));
			List<CodeAction> fixes = actions(brokenUri, d).stream().filter(a -> "quickfix".equals(a.getKind())).toList();
			assertEquals(1, fixes.size(), rule + ": " + fixes);
			CodeAction fix = fixes.get(0);
			assertEquals(expectedTitles.get(rule), fix.getTitle());
			assertEquals(List.of(d), fix.getDiagnostics());
			List<TextEdit> edits = fix.getEdit().getChanges().get(brokenUri);
			String fixed = LspText.apply(text, edits);
			List<Diagnostic> after = changeAndWait(brokenUri, text, fixed);
			assertTrue(after.stream().noneMatch(x -> rule.equals(code(x))), rule + " is still reported:\n" + show(after));
			assertEquals(errors(ds) - 1, errors(after), "the fix of " + rule + " removes that error only:\n" + show(after));
			text = fixed;
			ds = after;
		}
		// what is left is the warning a direct-mapped domain with a DMA device and no IOMMU deserves
		assertEquals(List.of("device.dma-isolation"), ds.stream().map(LanguageServerJarTest::code).toList(), show(ds));
		assertTrue(text.contains("memory 64M static at 0x70001000\n"), text);
		assertTrue(text.contains("\t\tpin 1\n"), text);
		assertTrue(text.contains("\t\tpassthrough gpio0\n"), text);
		assertTrue(text.contains("\t\tmemory 256M static\n\t\tvcpus 1\n\t\tkernel \"Image\" max 40M\n\t\tpassthrough pcie0\n\t\tdirect-map\n\t}"), text);
		changeAndWait(brokenUri, text, broken);
	}

	@Test
	@Order(6)
	void aDuplicateCpuIsRemovedOrReplaced() throws Exception {
		String dup = broken.replace("pin 7", "pin 0, 0");
		List<Diagnostic> ds = changeAndWait(brokenUri, broken, dup);
		Diagnostic d = ds.stream().filter(x -> "cpu.pin-duplicate".equals(code(x))).findFirst().orElseThrow(() -> new AssertionError(show(ds)));
		List<CodeAction> fixes = actions(brokenUri, d).stream().filter(a -> "quickfix".equals(a.getKind())).toList();
		assertEquals(List.of("Remove the duplicate CPU 0", "Use free CPU 1 instead"), fixes.stream().map(CodeAction::getTitle).toList());
		String removed = LspText.apply(dup, fixes.get(0).getEdit().getChanges().get(brokenUri));
		assertTrue(removed.contains("\t\tpin 0\n"), removed);
		String replaced = LspText.apply(dup, fixes.get(1).getEdit().getChanges().get(brokenUri));
		assertTrue(replaced.contains("\t\tpin 0, 1\n"), replaced);
		List<Diagnostic> after = changeAndWait(brokenUri, dup, removed);
		assertTrue(after.stream().noneMatch(x -> "cpu.pin-duplicate".equals(code(x))), show(after));
		changeAndWait(brokenUri, removed, broken);
	}

	@Test
	@Order(7)
	void formattingLaysTheFileOut() throws Exception {
		openAndWait(unformattedUri, unformatted);
		FormattingOptions options = new FormattingOptions(4, false);
		List<? extends TextEdit> edits = ls.server.getTextDocumentService()
				.formatting(new DocumentFormattingParams(doc(unformattedUri), options)).get(30, TimeUnit.SECONDS);
		String formatted = LspText.apply(unformatted, edits);
		String expected = new String(getClass().getClassLoader().getResourceAsStream("files/formatted.tess").readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(expected, formatted);
		// formatting a formatted file changes nothing
		changeAndWait(unformattedUri, unformatted, formatted);
		assertEquals(List.of(), ls.server.getTextDocumentService().formatting(new DocumentFormattingParams(doc(unformattedUri), options))
				.get(30, TimeUnit.SECONDS));
	}

	@Test
	@Order(8)
	void outlineNamesBoardsSystemsDomains() throws Exception {
		var symbols = ls.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(cockpitUri))).get(30, TimeUnit.SECONDS);
		DocumentSymbol system = symbols.get(0).getRight();
		assertEquals("cockpit", system.getName());
		assertEquals("on qemu-virt, 4 domains, 2 variants", system.getDetail());
		assertEquals(List.of("rt", "dom0", "cluster", "ivi", "guest", "premium", "base"), system.getChildren().stream().map(DocumentSymbol::getName).toList());
		assertEquals("variant, 3 changes", system.getChildren().get(5).getDetail());
		assertEquals("control, dom0, linux, 512M", system.getChildren().get(1).getDetail());
	}

	@Test
	@Order(9)
	void theGenerateCommandWritesTheOutputs() throws Exception {
		Assumptions.assumeTrue(onPath("dtc") && onPath("mkimage"), "dtc and mkimage are not installed (scripts/install-tools.sh)");
		// offered as a source action anywhere in a system
		Range at = new Range(LspText.positionOf(cockpit, "domain ivi", 0, 0), LspText.positionOf(cockpit, "domain ivi", 0, 0));
		var actions = ls.server.getTextDocumentService().codeAction(new CodeActionParams(doc(cockpitUri), at, new CodeActionContext(List.of())))
				.get(30, TimeUnit.SECONDS);
		CodeAction gen = actions.stream().filter(e -> e.isRight() && "source".equals(e.getRight().getKind())).findFirst().orElseThrow().getRight();
		assertEquals("Generate the outputs of system 'cockpit'", gen.getTitle());
		assertEquals("tessera.generate", gen.getCommand().getCommand());
		Path out = root.resolve("out-cockpit");
		List<Object> args = new ArrayList<>(gen.getCommand().getArguments());
		args.add(out.toString());
		Object result = ls.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("tessera.generate", args)).get(120, TimeUnit.SECONDS);
		JsonObject json = new Gson().toJsonTree(result).getAsJsonObject();
		assertTrue(json.get("ok").getAsBoolean(), json.toString());
		assertTrue(Files.isRegularFile(out.resolve("manifest.yaml")), json.toString());
		assertTrue(Files.isRegularFile(out.resolve("boot.scr")), json.toString());
		assertTrue(ls.client.messages.stream().anyMatch(m -> m.getMessage().startsWith("Tessera wrote ")), ls.client.messages.toString());
		// the default output folder: out/<system> beside the file
		Object again = ls.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("tessera.generate", List.of(cockpitUri)))
				.get(120, TimeUnit.SECONDS);
		assertTrue(new Gson().toJsonTree(again).getAsJsonObject().get("ok").getAsBoolean(), String.valueOf(again));
		assertTrue(Files.isRegularFile(root.resolve("out/cockpit/manifest.yaml")));
		// a broken system writes nothing and says why
		Object failed = ls.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("tessera.generate",
				List.of(brokenUri, "broken", root.resolve("out-broken").toString()))).get(120, TimeUnit.SECONDS);
		JsonObject f = new Gson().toJsonTree(failed).getAsJsonObject();
		assertFalse(f.get("ok").getAsBoolean());
		assertTrue(f.get("problems").toString().contains("[memory.static-aligned]"), f.toString());
		assertFalse(Files.exists(root.resolve("out-broken/manifest.yaml")));
	}

	static boolean onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			if (Files.isExecutable(Path.of(dir, tool))) return true;
		return false;
	}

	@Test
	@Order(10)
	void editingABoardRevalidatesItsSystems() throws Exception {
		String boardUri = uri("local-board.tess"), systemUri = uri("on-local.tess");
		String board = Files.readString(root.resolve("local-board.tess"));
		assertEquals(List.of(), openAndWait(systemUri, Files.readString(root.resolve("on-local.tess"))));
		openAndWait(boardUri, board);
		// hovering a device in the board names the domain of the workspace's system that owns it
		String owner = hover(boardUri, LspText.positionOf(board, "device gpio0", 0, 8));
		assertTrue(owner.contains("owner: domain `io` in system `onlocal`"), owner);
		// the device the system passes through gets registers that are not page-aligned: the system gets a warning
		int seen = ls.client.count(systemUri);
		String changed = board.replace("reg 0x9030000 size 4K", "reg 0x9030000 size 0x100");
		ls.change(boardUri, board, changed, ++version);
		List<Diagnostic> ds = ls.client.await(systemUri, seen, WAIT).getDiagnostics();
		assertEquals(List.of("device.page-shared@17:15"), ds.stream().map(d -> code(d) + "@" + (d.getRange().getStart().getLine() + 1)
				+ ":" + (d.getRange().getStart().getCharacter() + 1)).toList(), show(ds));
		// and back
		seen = ls.client.count(systemUri);
		ls.change(boardUri, changed, board, ++version);
		assertEquals(List.of(), ls.client.await(systemUri, seen, WAIT).getDiagnostics());
	}

	@Test
	@Order(11)
	void definitionIntoAWorkspaceBoard() throws Exception {
		String system = Files.readString(root.resolve("on-local.tess"));
		var locations = ls.server.getTextDocumentService().definition(new DefinitionParams(doc(uri("on-local.tess")),
				LspText.positionOf(system, "passthrough gpio0", 0, 13))).get(30, TimeUnit.SECONDS).getLeft();
		assertEquals(uri("local-board.tess"), locations.get(0).getUri());
		assertEquals(10, locations.get(0).getRange().getStart().getLine());
	}

	@Test
	@Order(12)
	void shutdownAndExit() throws Exception {
		assertEquals(0, ls.shutdown(), () -> {
			try {
				return Files.readString(ls.stderr);
			} catch (java.io.IOException e) {
				return e.toString();
			}
		});
	}

	@Test
	@Order(11)
	void renameAfterTheGenerateCommandEditsADomainAndItsReference() throws Exception {
		// after Generate (Order 9): the pipeline's own language setup once took the .tess registration from the IDE's, and
		// every later rename failed with "Internal error." (no rename strategy)
		String text = "system r on qemu-virt {\n\txen 4.21 {\n\t\tconsole uart0\n\t}\n\tdomain dom0 control {\n\t\tos linux\n\t\tmemory 512M\n\t\tkernel \"Image\" max 40M\n\t}\n"
				+ "\tdomain app at-boot {\n\t\tos linux\n\t\tmemory 256M\n\t\tkernel \"Image\" max 40M\n\t\tvif from dom0\n\t}\n}\n";
		Files.writeString(root.resolve("rename.tess"), text);
		String u = uri("rename.tess");
		openAndWait(u, text);
		var p = new org.eclipse.lsp4j.RenameParams(doc(u), LspText.positionOf(text, "domain dom0", 0, 8), "ctl");
		var edit = ls.server.getTextDocumentService().rename(p).get(60, java.util.concurrent.TimeUnit.SECONDS);
		var edits = edit.getChanges() != null ? edit.getChanges().get(u) : edit.getDocumentChanges().get(0).getLeft().getEdits();
		String renamed = LspText.apply(text, edits);
		assertTrue(renamed.contains("domain ctl control") && renamed.contains("vif from ctl"), renamed);
	}
}
