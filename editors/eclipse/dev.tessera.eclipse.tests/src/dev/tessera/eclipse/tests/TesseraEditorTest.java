package dev.tessera.eclipse.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.tessera.eclipse.TesseraPlugin;
import dev.tessera.eclipse.editor.Definitions;
import dev.tessera.eclipse.editor.TesseraContentAssist;
import dev.tessera.eclipse.editor.TesseraHover;
import dev.tessera.eclipse.editor.TesseraOutlinePage;
import dev.tessera.eclipse.editor.TesseraQuickAssist;
import dev.tessera.eclipse.lsp.Markers;
import dev.tessera.eclipse.lsp.Messages;
import dev.tessera.eclipse.ui.FormatHandler;
import dev.tessera.eclipse.ui.GenerateHandler;
import dev.tessera.eclipse.ui.OpenDeclarationHandler;
import dev.tessera.eclipse.ui.RenameHandler;

/**
 * The plugin in a running Eclipse IDE workbench: a project with a copy of the shipped cockpit
 * (examples/ivi/cockpit.tess, on the shipped board qemu-virt, which the server finds in its own library), opened
 * in the Generic Editor and edited as a user types. Every marker assertion has its negative control: the marker is
 * absent before the break, present after it with the expected rule id on the expected line, and gone after the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TesseraEditorTest {
	/** The first answer includes starting the server JVM and indexing the workspace. */
	static final Duration FIRST = Duration.ofSeconds(120);
	/** Any later answer: "within seconds". */
	static final Duration SOON = Duration.ofSeconds(30);

	IProject project;
	IFile file;
	ITextEditor editor;
	IDocument doc;
	ITextViewer viewer;
	String cockpit;

	@BeforeAll
	void openTheCockpit() throws Exception {
		cockpit = Files.readString(Ui.repo().resolve("examples/ivi/cockpit.tess"));
		project = Ui.project("demo");
		file = Ui.file(project, "cockpit.tess", cockpit);
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		// no window manager under Xvfb: the workbench window takes the whole screen by hand
		window.getShell().setBounds(window.getShell().getDisplay().getBounds());
		IWorkbenchPage page = window.getActivePage();
		page.showView(IPageLayout.ID_PROBLEM_VIEW);
		IEditorPart part = IDE.openEditor(page, file);
		editor = (ITextEditor) part;
		doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	@AfterAll
	void close() {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
	}

	@Test
	@Order(1)
	void aTessFileOpensInTheGenericEditorAndTheServerRuns() throws Exception {
		assertEquals(TesseraPlugin.CONTENT_TYPE, file.getContentDescription().getContentType().getId());
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
		assertNotNull(viewer);
		Ui.waitUntil("the server's first diagnostics for cockpit.tess", FIRST, () -> Markers.writes(file) > 0);
		assertTrue(TesseraPlugin.getDefault().runningServer().pid() > 0);
	}

	@Test
	@Order(2)
	void theShippedCockpitHasNoErrors() {
		Ui.waitUntil("the server's diagnostics for cockpit.tess", FIRST, () -> Markers.writes(file) > 0);
		assertEquals(List.of(), Ui.errors(file), "errors on the shipped cockpit:" + Ui.describe(Ui.errors(file)));
	}

	@Test
	@Order(3)
	void twoDomainsOfOneNameAreMarkedOnTheirLineAndTheMarkerGoesWhenFixed() throws Exception {
		String rule = "domain.name-unique";
		assertEquals(List.of(), Ui.markers(file, rule), "negative control: no such marker before the break");
		// break: the cluster domain takes the name of the xl guest (not the infotainment domain, which the cockpit's
		// variants change by name: they would report it missing too)
		int at = doc.get().indexOf("domain cluster at-boot");
		doc.replace(at, "domain cluster".length(), "domain guest");
		int line = Ui.lineOf(doc.get(), "domain guest", 1); // the second declaration is the one reported
		IMarker marker = Ui.waitFor("a " + rule + " marker", SOON, () -> Ui.markers(file, rule).stream().findFirst().orElse(null));
		assertEquals(rule, marker.getAttribute(TesseraPlugin.RULE_ID, null));
		assertEquals(line, marker.getAttribute(IMarker.LINE_NUMBER, -1), "the marker's line" + Ui.describe(Ui.markers(file)));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		assertEquals(line - 1, doc.getLineOfOffset(start), "the squiggle starts on the marker's line");
		assertEquals("guest", doc.get(start, marker.getAttribute(IMarker.CHAR_END, -1) - start), "the squiggle covers the name");
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("declared twice"), marker.getAttribute(IMarker.MESSAGE, ""));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").endsWith("[" + rule + "]"));

		// the picture in docs/editors.md: the editor with the squiggle, the Problems view with the marker
		editor.selectAndReveal(start, 0);
		Ui.expandProblems();
		Ui.pumpFor(Duration.ofSeconds(1));
		Path shot = Ui.screenshot(Path.of(System.getProperty("tessera.screenshot", "target/eclipse-editor.png")));
		assertTrue(Files.size(shot) > 10_000, "a screenshot was written to " + shot);

		// fix: the name back
		at = doc.get().indexOf("domain guest at-boot");
		doc.replace(at, "domain guest".length(), "domain cluster");
		Ui.waitUntil("the " + rule + " marker to go", SOON, () -> Ui.markers(file, rule).isEmpty());
		assertEquals(List.of(), Ui.errors(file), Ui.describe(Ui.errors(file)));
	}

	@Test
	@Order(4)
	void aQuickFixAlignsTheStaticMemoryAndItsMarkerGoes() throws Exception {
		String rule = "memory.static-aligned";
		assertEquals(List.of(), Ui.markers(file, rule), "negative control: no such marker before the break");
		int at = doc.get().indexOf("static at 0x70000000") + "static at ".length();
		doc.replace(at, "0x70000000".length(), "0x70000800");
		int line = Ui.lineOf(doc.get(), "0x70000800", 0);
		IMarker marker = Ui.waitFor("a " + rule + " marker", SOON, () -> Ui.markers(file, rule).stream().findFirst().orElse(null));
		assertEquals(line, marker.getAttribute(IMarker.LINE_NUMBER, -1));

		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
		List<String> labels = Arrays.stream(fixes).map(IMarkerResolution::getLabel).toList();
		IMarkerResolution align = Arrays.stream(fixes).filter(f -> f.getLabel().startsWith("Align the static region")).findFirst()
				.orElseThrow(() -> new AssertionError("no 'Align the static region' quick fix among " + labels));
		align.run(marker);
		assertTrue(doc.get().contains("static at 0x70001000"), "the fix aligned the address:\n" + doc.get());
		Ui.waitUntil("the " + rule + " marker to go", SOON, () -> Ui.markers(file, rule).isEmpty());
		assertEquals(List.of(), Ui.errors(file), Ui.describe(Ui.errors(file)));

		doc.set(cockpit);
		Ui.waitUntil("the cockpit to be checked again", SOON, () -> Ui.errors(file).isEmpty());
	}

	@Test
	@Order(5)
	void completionAfterOnProposesTheShippedBoards() {
		int offset = doc.get().indexOf("system cockpit on ") + "system cockpit on ".length();
		ICompletionProposal[] proposals = new TesseraContentAssist().computeCompletionProposals(viewer, offset);
		List<String> shown = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
		for (String board : List.of("qemu-virt", "zcu102", "rcar-h3-salvator-xs"))
			assertTrue(shown.stream().anyMatch(s -> s.equals(board) || s.startsWith(board + " ")), board + " among " + shown);
		assertFalse(shown.stream().anyMatch(s -> s.startsWith("gpio0")), "no device where a board is expected: " + shown);

		// the same through the editor's own content assist (Ctrl+Space): the Generic Editor runs the plugin's processor
		// (no window manager under Xvfb: focus is given by hand, and the popup asked for again if focus closed it)
		Ui.pumpFor(Duration.ofSeconds(3)); // the Problems and Outline views catch up with the fixed text (for the picture)
		editor.selectAndReveal(offset, 0);
		long[] asked = { 0 };
		org.eclipse.swt.widgets.Table popup = Ui.waitFor("the content assist popup with qemu-virt", SOON, () -> {
			org.eclipse.swt.widgets.Table t = Ui.proposalTable("qemu-virt");
			if (t == null && System.nanoTime() - asked[0] > 5_000_000_000L) {
				asked[0] = System.nanoTime();
				viewer.getTextWidget().getShell().forceActive();
				viewer.getTextWidget().forceFocus();
				((ITextOperationTarget) viewer).doOperation(org.eclipse.jface.text.source.ISourceViewer.CONTENTASSIST_PROPOSALS);
			}
			return t;
		});
		List<String> listed = Arrays.stream(popup.getItems()).map(org.eclipse.swt.widgets.TableItem::getText).toList();
		assertTrue(listed.stream().anyMatch(t -> t.startsWith("zcu102")), listed.toString());
		// a picture for docs/editors.md, at once (the popup closes when the X server is grabbed or events run)
		Ui.captureNow(Path.of(System.getProperty("tessera.screenshot", "target/eclipse-editor.png")).resolveSibling("eclipse-completion.png"));
		if (!popup.isDisposed()) popup.getShell().close();

		// and where a device is expected, the board's devices that fit (not the boards)
		int pass = doc.get().indexOf("passthrough gpio0") + "passthrough ".length();
		List<String> devices = Arrays.stream(new TesseraContentAssist().computeCompletionProposals(viewer, pass))
				.map(ICompletionProposal::getDisplayString).toList();
		assertTrue(devices.stream().anyMatch(s -> s.startsWith("gpio0")), "gpio0 among " + devices);
		assertTrue(devices.stream().anyMatch(s -> s.startsWith("virtio0")), "virtio0 among " + devices);
		// only what fits: uart0 is Xen's console
		assertTrue(devices.stream().noneMatch(s -> s.startsWith("uart0")), "uart0 among " + devices);
	}

	@Test
	@Order(6)
	void hoverOverAPassedThroughDeviceDescribesIt() {
		int offset = doc.get().indexOf("passthrough gpio0") + "passthrough g".length();
		TesseraHover hover = new TesseraHover();
		var region = hover.getHoverRegion(viewer, offset);
		assertEquals("gpio0", doc.get().substring(region.getOffset(), region.getOffset() + region.getLength()));
		String info = hover.getHoverInfo(viewer, region);
		assertNotNull(info, "a hover over gpio0");
		assertTrue(info.contains("gpio0") && info.contains("pl061"), info);
	}

	@Test
	@Order(7)
	void theOutlineListsTheSystemAndItsDomains() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ContentOutline outline = (ContentOutline) page.showView(IPageLayout.ID_OUTLINE);
		page.activate(editor);
		TesseraOutlinePage tess = Ui.waitFor("the Tessera outline page", SOON,
				() -> outline.getCurrentPage() instanceof TesseraOutlinePage p ? p : null);
		// the outline follows the text: it may first show the symbols of an earlier edit
		// the cockpit's cpupool and domains, then its two product-line variants
		List<String> expected = List.of("rt", "dom0", "cluster", "ivi", "guest", "premium", "base");
		Ui.waitUntil("the outline to list " + expected, SOON, () -> !tess.symbols().isEmpty() && names(tess.symbols().get(0).getChildren()).equals(expected));
		assertEquals("cockpit", tess.symbols().get(0).getName());
		assertEquals(1, tess.symbols().size());
		Ui.waitUntil("the outline tree", SOON, () -> tess.getControl() != null && ((org.eclipse.swt.widgets.Tree) tess.getControl()).getItemCount() > 0);
		assertTrue(((org.eclipse.swt.widgets.Tree) tess.getControl()).getItem(0).getText().startsWith("cockpit"));
	}

	@Test
	@Order(8)
	void ctrl1OffersTheQuickFixOfTheProblemAndGenerate() throws Exception {
		org.eclipse.jface.text.source.ISourceViewer source = (org.eclipse.jface.text.source.ISourceViewer) viewer;
		int inSystem = doc.get().indexOf("vcpus 1");
		List<String> titles = Arrays.stream(new TesseraQuickAssist()
				.computeQuickAssistProposals(new org.eclipse.jface.text.source.TextInvocationContext(source, inSystem, 0)))
				.map(ICompletionProposal::getDisplayString).toList();
		assertEquals(List.of("Generate the outputs of system 'cockpit'"), titles, "a clean line offers only Generate");

		// a problem on the caret's line: its quick fix comes first
		int at = doc.get().indexOf("static at 0x70000000") + "static at ".length();
		doc.replace(at, "0x70000000".length(), "0x70000800");
		Ui.waitUntil("a memory.static-aligned marker", SOON, () -> !Ui.markers(file, "memory.static-aligned").isEmpty());
		titles = Arrays.stream(new TesseraQuickAssist()
				.computeQuickAssistProposals(new org.eclipse.jface.text.source.TextInvocationContext(source, at + 2, 0)))
				.map(ICompletionProposal::getDisplayString).toList();
		assertTrue(titles.size() == 2 && titles.get(0).startsWith("Align the static region"), titles.toString());
		doc.set(cockpit);
		Ui.waitUntil("the cockpit to be checked again", SOON, () -> Ui.errors(file).isEmpty());
	}

	static List<String> names(List<DocumentSymbol> symbols) {
		return symbols == null ? List.of() : symbols.stream().map(DocumentSymbol::getName).collect(Collectors.toList());
	}

	@Test
	@Order(9)
	void generateWritesTheOutputsAndTheyAppearInTheWorkspace() throws Exception {
		IFolder out = project.getFolder("out/cockpit");
		assertFalse(out.exists(), "negative control: no outputs before Generate");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.activate(editor);
		IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
		handlers.executeCommand(GenerateHandler.ID, null);
		for (String name : List.of("host.dts", "boot.cmd", "manifest.yaml", "xl/guest.cfg"))
			Ui.waitUntil(name + " in the workspace", Duration.ofSeconds(120), () -> out.getFile(name).exists());
		assertTrue(Messages.shown.stream().anyMatch(m -> m.startsWith("Tessera wrote")), Messages.shown.toString());
		project.refreshLocal(IResource.DEPTH_INFINITE, null);
	}

	@Test
	@Order(10)
	void f3AndCtrlClickOpenTheDeclarationInTheShippedBoard() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.activate(editor);
		// F3 on the board's name: the shipped board opens (the server's read-only copy of it) at its name
		int on = doc.get().indexOf("system cockpit on qemu-virt") + "system cockpit on qemu".length();
		editor.selectAndReveal(on, 0);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(OpenDeclarationHandler.ID, null);
		ITextEditor board = Ui.waitFor("the board's editor", SOON,
				() -> page.getActiveEditor() != editor && page.getActiveEditor() instanceof ITextEditor t ? t : null);
		assertEquals("qemu-virt.tess", board.getEditorInput().getName());
		assertEquals("qemu-virt", ((org.eclipse.jface.text.ITextSelection) board.getSelectionProvider().getSelection()).getText());
		page.closeEditor(board, false);
		page.activate(editor);

		// Ctrl+click on a passed-through device: a hyperlink to the device in the board
		int pass = doc.get().indexOf("passthrough gpio0") + "passthrough gp".length();
		var links = Ui.waitFor("a hyperlink on gpio0", SOON, () -> new Definitions().detectHyperlinks(viewer, new org.eclipse.jface.text.Region(pass, 0), true));
		var region = links[0].getHyperlinkRegion();
		assertEquals("gpio0", doc.get(region.getOffset(), region.getLength()));
		links[0].open();
		ITextEditor device = Ui.waitFor("the board's editor", SOON,
				() -> page.getActiveEditor() != editor && page.getActiveEditor() instanceof ITextEditor t ? t : null);
		assertEquals("qemu-virt.tess", device.getEditorInput().getName());
		assertEquals("gpio0", ((org.eclipse.jface.text.ITextSelection) device.getSelectionProvider().getSelection()).getText());
		page.closeEditor(device, false);
		page.activate(editor);
	}

	@Test
	@Order(11)
	void ctrlShiftFFormatsTheFileAsTheServerDoes() throws Exception {
		Path files = Ui.repo().resolve("editors/src/test/resources/files");
		String unformatted = Files.readString(files.resolve("unformatted.tess"));
		String formatted = Files.readString(files.resolve("formatted.tess"));
		assertNotEquals(formatted, unformatted);
		IFile f = Ui.file(project, "unformatted.tess", unformatted);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor other = (ITextEditor) IDE.openEditor(page, f);
		IDocument d = other.getDocumentProvider().getDocument(other.getEditorInput());
		Ui.waitUntil("the server's diagnostics for unformatted.tess", FIRST, () -> Markers.writes(f) > 0);
		// Ctrl+Shift+F is bound in the Generic Editor's own context to the plugin's command and to nothing else there (two
		// bindings in one context would cancel each other); F3 is the Generic Editor's Open Hyperlink, which follows the
		// plugin's hyperlink detector (tested above)
		assertEquals(List.of(FormatHandler.ID), Ui.commandsBoundTo("M1+M2+F", "org.eclipse.ui.genericeditor.genericEditorContext"));
		assertEquals(List.of("org.eclipse.ui.edit.text.open.hyperlink"), Ui.commandsBoundTo("F3", "org.eclipse.ui.genericeditor.genericEditorContext"));
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(FormatHandler.ID, null);
		assertEquals(formatted, d.get());
		page.closeEditor(other, false);
		page.activate(editor);
	}

	@Test
	@Order(12)
	void altShiftRRenamesADomainAndItsReferencesAndRefusesAShippedBoardsName() throws Exception {
		String text = """
				system r on qemu-virt {
					xen 4.21 {
						console uart0
					}
					domain dom0 control {
						os linux
						memory 512M
						kernel "Image" max 40M
					}
					domain app at-boot {
						os linux
						memory 256M
						kernel "Image" max 40M
						passthrough gpio0
						vif from dom0
					}
				}
				""";
		IFile f = Ui.file(project, "rename.tess", text);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		String cockpitBefore = doc.get();
		ITextEditor other = (ITextEditor) IDE.openEditor(page, f);
		IDocument d = other.getDocumentProvider().getDocument(other.getEditorInput());
		Ui.waitUntil("the server's diagnostics for rename.tess", FIRST, () -> Markers.writes(f) > 0);
		// Alt+Shift+R is bound in the Generic Editor's context to the plugin's command, and to nothing else there
		assertEquals(List.of(RenameHandler.ID), Ui.commandsBoundTo("M2+M3+R", "org.eclipse.ui.genericeditor.genericEditorContext"));
		IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);

		// the command, as the key runs it, on the reference "vif from dom0": the dialog offers the name, the user types
		// ctl; the declaration and the reference both change, nothing else, and no other file (the cockpit has a dom0 too)
		other.selectAndReveal(text.indexOf("from dom0") + "from do".length(), 0);
		List<String> dialog = Ui.answerDialog("Rename", "ctl");
		int checked = Markers.writes(f);
		handlers.executeCommand(RenameHandler.ID, null);
		assertEquals(List.of("New name for 'dom0':", "dom0"), dialog);
		assertEquals(text.replace("domain dom0 control", "domain ctl control").replace("vif from dom0", "vif from ctl"), d.get());
		assertEquals(cockpitBefore, doc.get());
		// the server has the renamed text: the reference resolves to the renamed domain
		Ui.waitUntil("rename.tess checked again", SOON, () -> Markers.writes(f) > checked);
		assertEquals(List.of(), Ui.markers(f, "link"), Ui.describe(Ui.markers(f)));

		// a device of the shipped board: refused in the server's words (a message dialog), the text untouched
		String before = d.get();
		other.selectAndReveal(before.indexOf("passthrough gpio0") + "passthrough gp".length(), 0);
		List<String> asked = Ui.answerDialog("Rename", "gpio9");
		List<String> refusal = Ui.answerDialog("Rename refused", null);
		handlers.executeCommand(RenameHandler.ID, null);
		assertEquals(List.of("New name for 'gpio0':", "gpio0"), asked);
		assertTrue(refusal.stream().anyMatch(m -> m.startsWith("cannot rename 'gpio0' of the shipped board 'qemu-virt'")), refusal.toString());
		assertEquals(before, d.get());
		page.closeEditor(other, false);
		page.activate(editor);
	}
}
