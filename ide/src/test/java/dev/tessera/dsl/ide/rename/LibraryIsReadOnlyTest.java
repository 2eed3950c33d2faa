package dev.tessera.dsl.ide.rename;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.tessera.dsl.ide.server.InProcessServer;
import dev.tessera.dsl.ide.server.LspText;

/** Renaming what a shipped board declares is refused with a message; a name of the user's own files renames. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryIsReadOnlyTest {
	static final String SYSTEM = """
			system s on qemu-virt {
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
	InProcessServer ls;

	@BeforeAll
	void start() throws Exception {
		ls = InProcessServer.start(Map.of());
		ls.edit("s.tess", SYSTEM);
	}

	@AfterAll
	void stop() {
		ls.close();
	}

	String refusal(String needle, int delta) throws Exception {
		RenameParams p = new RenameParams(new TextDocumentIdentifier(ls.uri("s.tess")), LspText.positionOf(SYSTEM, needle, 0, delta), "renamed");
		ExecutionException e = assertThrows(ExecutionException.class, () -> ls.server.getTextDocumentService().rename(p).get(60, TimeUnit.SECONDS));
		assertInstanceOf(ResponseErrorException.class, e.getCause());
		return e.getCause().getMessage();
	}

	@Test
	void renamingAShippedDeviceIsRefusedWithAMessage() throws Exception {
		String m = refusal("passthrough gpio0", "passthrough ".length() + 1);
		assertTrue(m.startsWith("cannot rename 'gpio0' of the shipped board 'qemu-virt': the shipped boards are part of Tessera and read-only"), m);
	}

	@Test
	void renamingAShippedBoardIsRefusedWithAMessage() throws Exception {
		String m = refusal("qemu-virt", 1);
		assertTrue(m.startsWith("cannot rename the shipped board 'qemu-virt'"), m);
	}

	@Test
	void prepareRenameOnAShippedDeviceIsRefusedToo() throws Exception {
		PrepareRenameParams p = new PrepareRenameParams(new TextDocumentIdentifier(ls.uri("s.tess")), LspText.positionOf(SYSTEM, "console uart0", 0, 9));
		ExecutionException e = assertThrows(ExecutionException.class, () -> ls.server.getTextDocumentService().prepareRename(p).get(60, TimeUnit.SECONDS));
		assertTrue(e.getCause().getMessage().startsWith("cannot rename 'uart0' of the shipped board 'qemu-virt'"), e.getCause().getMessage());
	}

	@Test
	void renamingADomainOfTheUsersFileEditsItAndItsReferences() throws Exception {
		RenameParams p = new RenameParams(new TextDocumentIdentifier(ls.uri("s.tess")), LspText.positionOf(SYSTEM, "vif from dom0", 0, 10), "ctl");
		WorkspaceEdit edit = ls.server.getTextDocumentService().rename(p).get(60, TimeUnit.SECONDS);
		var edits = edit.getChanges() != null ? edit.getChanges().get(ls.uri("s.tess"))
				: edit.getDocumentChanges().get(0).getLeft().getEdits();
		String renamed = LspText.apply(SYSTEM, edits);
		assertTrue(renamed.contains("domain ctl control") && renamed.contains("vif from ctl"), renamed);
	}

	@Test
	void renamingADomainAtItsDeclarationEditsItAndItsReferencesAlsoAfterThePipelineLoadedAFile() throws Exception {
		// the server's Generate command runs the pipeline, whose loader once set up the language a second time (without
		// the IDE's services) and took over the .tess registration: every rename after a Generate failed
		dev.tessera.dsl.TesseraStandaloneSetup.doSetup();
		RenameParams p = new RenameParams(new TextDocumentIdentifier(ls.uri("s.tess")), LspText.positionOf(SYSTEM, "domain dom0", 0, 8), "ctl");
		WorkspaceEdit edit = ls.server.getTextDocumentService().rename(p).get(60, TimeUnit.SECONDS);
		var edits = edit.getChanges() != null ? edit.getChanges().get(ls.uri("s.tess"))
				: edit.getDocumentChanges().get(0).getLeft().getEdits();
		String renamed = LspText.apply(SYSTEM, edits);
		assertTrue(renamed.contains("domain ctl control") && renamed.contains("vif from ctl"), renamed);
	}
}
